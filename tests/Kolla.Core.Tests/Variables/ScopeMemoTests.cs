using Kolla.Variables;

namespace Kolla.Tests.Variables;

/// <summary>
/// A result computed for one host is reused for another exactly when the variables the computation read have equal
/// values there (what it did not read does not matter); otherwise it is computed again.
/// </summary>
public class ScopeMemoTests
{
    private static DictionaryVariableScope Scope(params (string Name, object? Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));

    private static string ReadAB(IVariableScope scope, List<string> calls)
    {
        calls.Add("computed");
        scope.TryGetVariable("a", out var a);
        scope.TryGetVariable("b", out var b);
        return $"{a}-{b}";
    }

    [Fact]
    public void GetOrCompute_OnlyUnreadVariablesDiffer_ReusesTheResult()
    {
        var memo = new ScopeMemo<string>();
        var calls = new List<string>();

        var first = memo.GetOrCompute(Scope(("a", "1"), ("b", "2"), ("host", "compute01")), s => ReadAB(s, calls));
        var second = memo.GetOrCompute(Scope(("a", "1"), ("b", "2"), ("host", "compute02")), s => ReadAB(s, calls));

        second.Should().BeSameAs(first);
        calls.Should().ContainSingle();
    }

    [Fact]
    public void GetOrCompute_ResultTheCallerDoesNotKeep_ComputesAgain()
    {
        var memo = new ScopeMemo<string>();
        var calls = new List<string>();

        memo.GetOrCompute(Scope(("a", "1"), ("b", "2")), s => ReadAB(s, calls), keep: _ => false);
        memo.GetOrCompute(Scope(("a", "1"), ("b", "2")), s => ReadAB(s, calls), keep: _ => false);

        calls.Should().HaveCount(2);
    }

    [Fact]
    public void GetOrCompute_AReadVariableDiffers_ComputesAgain()
    {
        var memo = new ScopeMemo<string>();
        var calls = new List<string>();

        memo.GetOrCompute(Scope(("a", "1"), ("b", "2")), s => ReadAB(s, calls)).Should().Be("1-2");
        memo.GetOrCompute(Scope(("a", "1"), ("b", "3")), s => ReadAB(s, calls)).Should().Be("1-3");
        memo.GetOrCompute(Scope(("a", "1"), ("b", "2")), s => ReadAB(s, calls)).Should().Be("1-2");

        calls.Should().HaveCount(2);
    }

    [Fact]
    public void GetOrCompute_MissingVersusNullVariable_ComputesAgain()
    {
        var memo = new ScopeMemo<bool>();

        memo.GetOrCompute(Scope(("a", null)), s => s.TryGetVariable("a", out _)).Should().BeTrue();
        memo.GetOrCompute(Scope(), s => s.TryGetVariable("a", out _)).Should().BeFalse();
    }

    [Fact]
    public void GetOrCompute_ValuesOfAnotherTypeOrOrder_ComputesAgain()
    {
        var memo = new ScopeMemo<string>();
        var calls = new List<string>();

        memo.GetOrCompute(Scope(("a", 1L), ("b", new List<object?> { "x", "y" })), s => ReadAB(s, calls));
        memo.GetOrCompute(Scope(("a", 1L), ("b", new List<object?> { "x", "y" })), s => ReadAB(s, calls));
        memo.GetOrCompute(Scope(("a", 1.0), ("b", new List<object?> { "x", "y" })), s => ReadAB(s, calls));
        memo.GetOrCompute(Scope(("a", 1L), ("b", new List<object?> { "y", "x" })), s => ReadAB(s, calls));

        calls.Should().HaveCount(3, "an equal list in another instance is the same value; 1.0 is not 1, nor [y, x] [x, y]");
    }

    [Fact]
    public void GetOrCompute_ComputationListsTheNames_IsNotReused()
    {
        var memo = new ScopeMemo<int>();

        memo.GetOrCompute(Scope(("a", "1")), s => s.VariableNames.Count()).Should().Be(1);
        memo.GetOrCompute(Scope(("a", "1"), ("b", "2")), s => s.VariableNames.Count()).Should().Be(2);
    }

    [Fact]
    public void GetOrCompute_ComputationFails_IsNotKept()
    {
        var memo = new ScopeMemo<string>();
        var scope = Scope(("a", "1"));

        var failing = () => memo.GetOrCompute(scope, s => s.TryGetVariable("a", out _) ? throw new InvalidOperationException("boom") : "");

        failing.Should().Throw<InvalidOperationException>();
        memo.GetOrCompute(scope, s => s.TryGetVariable("a", out var a) ? (string)a! : "").Should().Be("1");
    }

    [Fact]
    public void GetOrCompute_ManyValuesOfOneRead_StillComputesEachCorrectly()
    {
        var memo = new ScopeMemo<string>();

        var results = Enumerable.Range(0, 100).Select(i => memo.GetOrCompute(Scope(("host", $"compute{i}")), s => s.TryGetVariable("host", out var h) ? (string)h! : "")).ToList();

        results.Should().Equal(Enumerable.Range(0, 100).Select(i => $"compute{i}"));
    }
}
