
namespace Kolla.Variables;

/// <summary>
/// A host's variable scope that notes every variable a computation reads from it (the first read of each name, with
/// its raw value), so the result can be reused for another host on which those reads give the same values.
/// </summary>
/// <remarks>Not thread-safe: one recording per computation. Enumerating the names makes the result depend on all of them.</remarks>
internal sealed class RecordingScope(IVariableScope inner) : IVariableScope
{
    private readonly List<ScopeRead> _reads = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The scope being recorded.</summary>
    public IVariableScope Inner => inner;

    /// <summary>The scope under any recordings of it (what a recording reads is that scope's variables).</summary>
    public static IVariableScope Unwrap(IVariableScope scope)
    {
        while (scope is RecordingScope recording)
        {
            scope = recording.Inner;
        }

        return scope;
    }

    /// <summary>The reads in the order the computation made them.</summary>
    public IReadOnlyList<ScopeRead> Reads => _reads;

    /// <summary>Whether the computation listed the scope's names (then its result is not reused).</summary>
    public bool Enumerated { get; private set; }

    public IEnumerable<string> VariableNames
    {
        get
        {
            Enumerated = true;
            return inner.VariableNames;
        }
    }

    public bool TryGetVariable(string name, out object? value)
    {
        var found = inner.TryGetVariable(name, out value);
        if (_seen.Add(name))
        {
            _reads.Add(new ScopeRead(name, found, value));
        }

        return found;
    }
}
