using System.Text;
using Kolla.Changes;
using Kolla.Cli;
using Kolla.Cli.Output;
using Kolla.Hosts;
using Kolla.Operations;
using Kolla.Passwords;
using Kolla.Planning;

namespace Kolla.Tests.Output;

/// <summary>
/// How a plan is printed: in full with diffs when short, summarised per host when long (hosts with the same changes once),
/// <c>--diff GLOB</c> diffs of matching files only, and never "no changes" about hosts it could not read.
/// </summary>
public sealed class ChangesPrinterTests
{
    private static readonly Dictionary<string, byte[]> s_noFiles = [];

    private static string Print(DiffSelection diffs, params HostChangeSet[] sets)
    {
        using var output = new StringWriter { NewLine = "\n" };
        ChangesPrinter.Print(new Terminal(new CliConsole(output, TextWriter.Null, IsInteractive: false)), sets, new SecretMasker(["s3cret"]), json: false, diffs);
        return output.ToString();
    }

    private static string Print(params HostChangeSet[] sets) => Print(DiffSelection.None, sets);

    private static string Text(int lines, string prefix = "line") => string.Concat(Enumerable.Range(1, lines).Select(i => $"{prefix} {i}\n"));

    private static WriteFileChange New(string path, string content) =>
        new("svc", new PlannedFile(path, Encoding.UTF8.GetBytes(content), 0x180, "new"), null);

    private static (WriteFileChange Change, byte[] Before) Updated(string path, string before, string after) =>
        (new("svc", new PlannedFile(path, Encoding.UTF8.GetBytes(after), 0x180, "after"), new HostFileState(path, "before", 0x180, "root", "root")), Encoding.UTF8.GetBytes(before));

    /// <summary>A first deploy's worth of changes: many new files, one changed file, one deleted file, one container stopped.</summary>
    private static HostChangeSet Large(string host)
    {
        var (update, before) = Updated("/etc/kolla/nova-api/nova.conf", "[DEFAULT]\ndebug = False\npassword = s3cret\n", "[DEFAULT]\ndebug = True\npassword = s3cret\nx = 1\n");
        HostChange[] changes =
        [
            New("/etc/kolla/keystone/keystone.conf", Text(60)),
            New("/etc/kolla/keystone/config.json", Text(20)),
            New("/etc/kolla/cron/config.json", Text(5)),
            update,
            new DeleteFileChange("svc", "/etc/kolla/old/old.conf"),
            new StopContainerChange("keystone", TimeSpan.FromSeconds(10)),
        ];
        return new HostChangeSet(host, changes, new Dictionary<string, byte[]> { ["/etc/kolla/nova-api/nova.conf"] = before, ["/etc/kolla/old/old.conf"] = Encoding.UTF8.GetBytes(Text(7)) });
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

    [Fact]
    public void Print_LongPlan_ByDefault_SummarisesFilesWithLineCountsAndContainers()
    {
        var text = Print(DiffSelection.Auto, Large("node1"));

        text.Should().Be(
            """
            == node1 (6 change(s))
               files: 3 to create (+85), 1 to update (+2 -1), 1 to delete (-7)
                 + /etc/kolla/keystone/ (2 new files, +80)
                 + /etc/kolla/cron/config.json (+5)
                 ~ /etc/kolla/nova-api/nova.conf (+2 -1)
                 - /etc/kolla/old/old.conf (-7)
               containers: 1 to stop
                 ! stop container keystone
            (a summary: the full plan is over 80 lines; --diff shows every change with its diff, --diff GLOB only the diffs of matching files, --no-diff every change without diffs)
            Plan: 6 change(s) on 1 host(s).

            """);
    }

    [Fact]
    public void Count_NewFilesSharingTheirBytes_AreDecodedAndMaskedOnce()
    {
        var shared = Encoding.UTF8.GetBytes("password = s3cret\n" + Text(2));
        var set = new HostChangeSet("h", [], s_noFiles);
        var counted = new Dictionary<ReadOnlyMemory<byte>, int>();

        var first = FileDiffs.Count(set, new WriteFileChange("svc", new PlannedFile("/a", shared, 0x180, "x"), null), new SecretMasker(["s3cret"]), counted);
        var second = FileDiffs.Count(set, new WriteFileChange("svc", new PlannedFile("/b", shared, 0x180, "x"), null), new SecretMasker(["s3cret"]), counted);
        var copy = FileDiffs.Count(set, New("/c", "password = s3cret\n" + Text(2)), new SecretMasker(["s3cret"]), counted);

        (first, second, copy).Should().Be(((3, 0), (3, 0), (3, 0)));
        counted.Should().HaveCount(2, "the second host's file is the first's bytes; the copy is other bytes, counted on its own");
    }

    [Fact]
    public void Print_LongPlan_AlikeHostsAreShownOnce_OthersApart()
    {
        var different = Large("node9") with { Changes = [.. Large("node9").Changes.Take(5)] };

        var text = Print(DiffSelection.Auto, [.. Enumerable.Range(1, 7).Select(i => Large($"node{i}")), different]);

        text.Should().Contain("== node1, node2, node3, node4, node5 and 2 more (7 hosts, 6 change(s) each)\n")
            .And.Contain("== node9 (5 change(s))\n")
            .And.EndWith("Plan: 47 change(s) on 8 host(s).\n");
        text.Split('\n').Count(l => l.StartsWith("== ", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public void Print_LongPlan_WithAnUnreadableHost_StillSaysThePlanIsIncomplete()
    {
        var text = Print(DiffSelection.Auto, Large("node1"), new HostChangeSet("node2", [], s_noFiles, "node2: connection refused"));

        text.Should().Contain("== node2\n   unreachable: node2: connection refused\n")
            .And.NotContain("No changes").And.EndWith("Plan incomplete: 1 of 2 host(s) could not be read; 6 change(s) on the others.\n");
    }

    [Fact]
    public void Print_ShortPlan_ByDefault_ShowsEveryChangeWithItsDiff_SecretsMasked()
    {
        var (update, before) = Updated("/etc/kolla/nova-api/nova.conf", "debug = False\npassword = s3cret\n", "debug = True\npassword = s3cret\n");

        var text = Print(DiffSelection.Auto, new HostChangeSet("node1", [update], new Dictionary<string, byte[]> { [update.File.Path] = before }));

        text.Should().Be(
            """
            == node1 (1 change(s))
               + update /etc/kolla/nova-api/nova.conf
                   --- /etc/kolla/nova-api/nova.conf
                   +++ /etc/kolla/nova-api/nova.conf
                   @@ -1,2 +1,2 @@
                   -debug = False
                   +debug = True
                    password = ***
            Plan: 1 change(s) on 1 host(s).

            """);
    }

    [Fact]
    public void Print_DiffGlob_ShowsEveryChange_ButOnlyTheDiffsOfMatchingFiles()
    {
        var text = Print(new DiffSelection(DiffMode.Full, [new PathGlob("nova*")]), Large("node1"));

        text.Should().Contain("+ create /etc/kolla/keystone/keystone.conf\n").And.Contain("+++ /etc/kolla/nova-api/nova.conf\n")
            .And.NotContain("+++ /etc/kolla/keystone/keystone.conf").And.NotContain("+line 1\n");
    }

    [Fact]
    public void Print_NoDiff_ListsEveryChangeWithoutDiffs()
    {
        var text = Print(DiffSelection.None, Large("node1"));

        text.Should().Contain("+ create /etc/kolla/keystone/keystone.conf\n").And.Contain("! stop container keystone").And.NotContain("+++");
    }
}
