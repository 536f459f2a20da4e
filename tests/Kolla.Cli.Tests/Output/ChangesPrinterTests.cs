using Kolla.Changes;
using Kolla.Cli;
using Kolla.Cli.Output;
using Kolla.Passwords;

namespace Kolla.Tests.Output;

/// <summary>The plan's last line never says "no changes" about hosts it could not read.</summary>
public sealed class ChangesPrinterTests
{
    private static readonly Dictionary<string, byte[]> s_noFiles = [];

    private static string Print(params HostChangeSet[] sets)
    {
        using var output = new StringWriter { NewLine = "\n" };
        ChangesPrinter.Print(new Terminal(new CliConsole(output, TextWriter.Null, IsInteractive: false)), sets, new SecretMasker([]), json: false, diffs: false);
        return output.ToString();
    }

    [Fact]
    public void Print_OneHostUnreadable_SaysThePlanIsIncomplete()
    {
        var text = Print(new HostChangeSet("node1", [], s_noFiles, "node1: connection refused"), new HostChangeSet("node2", [], s_noFiles));

        text.Should().NotContain("No changes").And.EndWith("Plan incomplete: 1 of 2 host(s) could not be read; no change on the others.\n");
    }

    [Fact]
    public void Print_EveryHostRead_NothingToDo_SaysNoChanges()
    {
        Print(new HostChangeSet("node1", [], s_noFiles)).Should().EndWith("No changes: every host matches the plan.\n");
    }
}
