using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Inputs;

/// <summary>Whole-number options are checked when parsed: one line naming the option and its range, exit 1, no work done.</summary>
public sealed class NumericOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-cli-numbers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--width", "-5", "--width must be a whole number from 5 to 2147483647, not '-5'")]
    [InlineData("--width", "4", "--width must be a whole number from 5 to 2147483647, not '4'")]
    [InlineData("--width", "99999999999", "--width must be a whole number from 5 to 2147483647, not '99999999999'")]
    [InlineData("--width", "8.5", "--width must be a whole number from 5 to 2147483647, not '8.5'")]
    public async Task MergeYaml_WidthOutOfRange_IsOneLineNamingTheRange(string option, string value, string message)
    {
        var file = Path.Combine(_dir, "a.yml");
        await File.WriteAllTextAsync(file, "a: 1\n", TestContext.Current.CancellationToken);

        var (code, _, error) = await CliRun.RunAsync("config", "merge-yaml", option, value, file);

        code.Should().Be(1);
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Be(message);
    }

    [Fact]
    public async Task MergeYaml_SmallestWidth_IsAccepted()
    {
        var file = Path.Combine(_dir, "a.yml");
        await File.WriteAllTextAsync(file, "a: 1\n", TestContext.Current.CancellationToken);

        var (code, output, error) = await CliRun.RunAsync("config", "merge-yaml", "--width", "5", file);

        code.Should().Be(0, error);
        output.Should().Be("a: 1\n");
    }

    [Theory]
    [InlineData("plan", "--forks", "0", 1)]
    [InlineData("plan", "--forks", "-3", 1)]
    [InlineData("plan", "--forks", "99999999999", 1)]
    [InlineData("plan", "--forks", "ten", 1)]
    [InlineData("deploy", "--serial", "0", 1)]
    [InlineData("upgrade", "--serial", "-1", 1)]
    [InlineData("build", "--threads", "0", 1)]
    [InlineData("build", "--retries", "-1", 0)]
    public async Task Verb_NumberOutOfRange_IsRefusedBeforeAnyWork(string verb, string option, string value, int minimum)
    {
        var (code, _, error) = await CliRun.RunAsync(verb, option, value);

        code.Should().Be(1);
        error.Should().Contain($"{option} must be a whole number from {minimum} to 2147483647, not '{value}'")
            .And.NotContain("System.").And.NotContain("   at ");
    }
}
