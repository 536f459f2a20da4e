using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Kolla.Cli;
using Kolla.TestKit;
using Kolla.Tests.Lifecycle;

namespace Kolla.Tests.Output;

/// <summary>
/// Colour only on a terminal, and not with <c>--no-color</c> or a non-empty <c>NO_COLOR</c> (no-color.org): in-process
/// for the option, and through the built <c>kolla</c> on a pseudo-terminal (<c>script</c>) for the environment variable.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ColorTests(SampleConfig sample) : IClassFixture<SampleConfig>
{
    // An SGR sequence (colour, bold); .NET itself writes other escapes on a terminal (keypad mode), which are not colour.
    private static readonly Regex s_colour = new(@"\u001b\[[0-9;]*m", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("1", true)]
    [InlineData("0", true)]
    [InlineData("false", true)]
    public void NoColorRequested_AnyNonEmptyValue(string? value, bool expected)
    {
        CliConsole.NoColorRequested(value).Should().Be(expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NoColorOption_OnATerminal_PrintsNoEscapes(bool noColor)
    {
        string[] args = noColor ? sample.Args("plan", "--no-diff", "--no-color") : sample.Args("plan", "--no-diff");

        var (code, output, error) = await CliRun.RunAsync(interactive: true, args);

        code.Should().Be(0, error);
        output.Should().Contain("== localhost");
        s_colour.IsMatch(output).Should().Be(!noColor);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("1", false)]
    public async Task NoColorEnvironment_BuiltKollaOnATerminal_ColoursOnlyWithoutIt(string? noColor, bool coloured)
    {
        var token = TestContext.Current.CancellationToken;
        var kolla = $"dotnet '{typeof(KollaApp).Assembly.Location}' {string.Join(' ', sample.Args("plan", "--no-diff").Select(a => $"'{a}'"))}";

        // script(1) runs the command on a pseudo-terminal, as a person at a shell would.
        var run = await ExternalCommand.RunAsync("script", ["-q", "-e", "-c", kolla, "/dev/null"], new Dictionary<string, string?> { ["NO_COLOR"] = noColor }, token);

        run.ExitCode.Should().Be(0, run.StandardOutput + run.StandardError);
        run.StandardOutput.Should().Contain("== localhost");
        s_colour.IsMatch(run.StandardOutput).Should().Be(coloured, run.StandardOutput);
    }
}
