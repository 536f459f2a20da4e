using Kolla.Cli.Output;
using Kolla.Passwords;

namespace Kolla.Tests.Output;

/// <summary>genpwd's key progress: redrawn in place on a terminal, never backwards; one line when stderr is not a terminal.</summary>
public sealed class KeyProgressTests
{
    [Fact]
    public void Report_OnATerminal_RedrawsAndIgnoresLateReports()
    {
        using var error = new StringWriter { NewLine = "\n" };
        var progress = new KeyProgress(error, interactive: true);

        foreach (var done in new[] { 0, 2, 1, 3 })
        {
            progress.Report(new GenPwdProgress(done, 3));
        }

        error.ToString().Should().Be("\rgenerating 3 RSA key pair(s)... 0/3\rgenerating 3 RSA key pair(s)... 2/3\rgenerating 3 RSA key pair(s)... 3/3\n");
    }

    [Fact]
    public void Report_NotATerminal_PrintsOneLine()
    {
        using var error = new StringWriter { NewLine = "\n" };
        var progress = new KeyProgress(error, interactive: false);

        foreach (var done in new[] { 0, 1, 2, 3 })
        {
            progress.Report(new GenPwdProgress(done, 3));
        }

        error.ToString().Should().Be("generating 3 RSA key pair(s)...\n");
    }
}
