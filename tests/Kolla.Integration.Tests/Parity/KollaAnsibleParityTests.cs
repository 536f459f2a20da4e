using System.Text;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests.Parity;

/// <summary>
/// The differential test of the compatibility contract: the real kolla-ansible genconfig (master 1a681814, through
/// <c>../shared/tools/kolla-ansible-oracle</c>) and ours, on the same inputs (<c>tests/parity/&lt;layout&gt;</c>: globals
/// and an override tree at every level, upstream's own inventories, one passwords.yml, pinned facts), must write
/// byte-identical files for the catalogue's twelve services on every host, except the decisions listed in
/// <c>tests/parity/deviations/*.yml</c>. Differences not fixed yet are listed apart, in <c>tests/parity/gaps/*.yml</c>
/// (same format): they are work to do, not decisions, and are reported as such. Every listed entry must still be needed.
/// </summary>
[LongRunning]
public sealed class KollaAnsibleParityTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Layouts = ["all-in-one", "multinode"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-parity-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Both_LayoutsWriteWhatKollaAnsibleWritesExceptTheDocumentedDeviations()
    {
        var token = TestContext.Current.CancellationToken;
        await RequireOracleAsync(token);
        var deviations = ParityDeviation.Load(Path.Combine(TestRig.RepositoryRoot, "tests", "parity", "deviations"));
        var gaps = ParityDeviation.Load(Path.Combine(TestRig.RepositoryRoot, "tests", "parity", "gaps"));

        // Both oracle runs at once: each is mostly one Python process.
        var runs = await Task.WhenAll(Layouts.Select(layout => RunBothAsync(layout, token)));

        var report = new StringBuilder();
        var unexplained = new List<string>();
        var used = new HashSet<ParityDeviation>();
        foreach (var (layout, identical, differences) in runs)
        {
            report.AppendLine($"== {layout}: files per service: identical, documented deviation, known gap, other");
            var documented = new List<ParityDifference>();
            var known = new List<ParityDifference>();
            foreach (var difference in differences)
            {
                if (deviations.FirstOrDefault(d => d.Covers(layout, difference)) is { } deviation)
                {
                    used.Add(deviation);
                    documented.Add(difference);
                }
                else if (gaps.FirstOrDefault(d => d.Covers(layout, difference)) is { } gap)
                {
                    used.Add(gap);
                    known.Add(difference);
                }
                else
                {
                    unexplained.Add($"{layout}: {difference.Host}/{difference.Path}: {difference.Kind}: {difference.Sample}");
                }
            }

            int Count<T>(IEnumerable<T> items, Func<T, string> path, string? service) => items.Count(i => service is null || ParityTrees.ServiceOf(path(i)) == service);
            foreach (var service in ParityTrees.Services.Append(null))
            {
                var all = Count(differences, d => d.Path, service);
                var fixedOnes = Count(documented, d => d.Path, service) + Count(known, d => d.Path, service);
                report.AppendLine($"{service ?? "TOTAL",-14}{Count(identical, i => i.Path, service),6}{Count(documented, d => d.Path, service),6}{Count(known, d => d.Path, service),6}{all - fixedOnes,6}");
            }

            (identical.Count + differences.Count).Should().BeGreaterThan(100, $"{layout}: the comparison must cover the catalogue's files, not pass on nothing");
        }

        output.WriteLine(report.ToString());

        // A node kolla-ansible configured (its tree as /etc/kolla) shows config drift to `kolla check` only in the files that differ.
        var allInOne = runs.Single(r => r.Layout == "all-in-one");
        var drift = await CheckDriftAsync("all-in-one", token);
        drift.Should().BeEquivalentTo(
            allInOne.Differences
                .Where(d => d.Host == "localhost")
                .Where(d => d.Kind != ParityDifferenceKind.OnlyUpstream || Directory.Exists(Path.Combine(_dir.FullName, "all-in-one", "ours", "localhost", d.Path.Split('/')[0])))
                .Select(d => d.Path),
            "kolla check on a host kolla-ansible configured reports drift exactly in the files that are not byte-identical");
        unexplained.Should().BeEmpty("every difference from kolla-ansible is either fixed or a documented deviation (tests/parity/deviations)");
        deviations.Concat(gaps).Except(used).Select(d => $"{d.Source}: {d.Path} ({d.Kind})").Should().BeEmpty("a deviation or gap no longer needed must be removed");
    }

    private async Task<(string Layout, IReadOnlyList<(string Host, string Path)> Identical, IReadOnlyList<ParityDifference> Differences)> RunBothAsync(string layout, CancellationToken token)
    {
        var config = Path.Combine(_dir.FullName, layout, "config");
        DirectoryTrees.Copy(Path.Combine(TestRig.RepositoryRoot, "tests", "parity", layout), config);
        (await KollaCli.RunAsync(["genpwd", "--passwords", Path.Combine(config, "passwords.yml")], token)).Code.Should().Be(0);
        var inventory = Path.Combine(TestRig.SharedDirectory, "vectors", "kolla-ansible-inputs", layout);

        // vCPUs and memory unlike this machine's, so a value read from the machine instead of the facts shows.
        var upstream = Path.Combine(_dir.FullName, layout, "upstream");
        var run = await ExternalCommand.RunAsync(
            "bash",
            [Oracle, "--configdir", config, "--output", upstream, "-i", inventory, "--pin-facts", "processor_vcpus=3,memtotal_mb=5000"],
            cancellationToken: token);
        run.EnsureSuccess();

        var ours = Path.Combine(_dir.FullName, layout, "ours");
        var (code, _, error) = await KollaCli.RunAsync(
            ["genconfig", "-i", inventory, "--configdir", config, "--executor", "dry-run", "--globals-precedence", "kolla-ansible",
             "--facts-cache", Path.Combine(upstream, "_oracle", "facts"), "-o", ours],
            token);
        code.Should().Be(0, error);
        var (identical, differences) = ParityTrees.Compare(upstream, ours);
        return (layout, identical, differences);
    }

    /// <summary>Runs <c>kolla check</c> (dry-run executor, reading this machine's files) against a copy of kolla-ansible's tree for localhost as the node config directory; returns the files it would write or delete.</summary>
    private async Task<IReadOnlyList<string>> CheckDriftAsync(string layout, CancellationToken token)
    {
        var node = Path.Combine(_dir.FullName, layout, "node");
        DirectoryTrees.Copy(Path.Combine(_dir.FullName, layout, "upstream", "localhost"), node);
        var (code, stdout, error) = await KollaCli.RunAsync(
            ["check", "--json", "-i", Path.Combine(TestRig.SharedDirectory, "vectors", "kolla-ansible-inputs", layout),
             "--configdir", Path.Combine(_dir.FullName, layout, "config"), "--executor", "dry-run", "--globals-precedence", "kolla-ansible",
             "--facts-cache", Path.Combine(_dir.FullName, layout, "upstream", "_oracle", "facts"), "-e", $"node_config_directory={node}"],
            token);
        code.Should().Be(2, $"containers are missing on this machine, so check reports drift: {error}");
        return KollaCli.JsonLines(stdout)
            .Where(e => e.Text("event") == "PlannedChange" && e.Text("change") is "WriteFile" or "DeleteFile")
            .Select(e => e.Text("description"))
            .Select(d => Path.GetRelativePath(node, d[(d.IndexOf(' ', StringComparison.Ordinal) + 1)..]).Replace('\\', '/'))
            .ToArray();
    }

    private static string Oracle => Path.Combine(TestRig.SharedDirectory, "tools", "kolla-ansible-oracle", "run.sh");

    private static async Task RequireOracleAsync(CancellationToken token)
    {
        if (!File.Exists(Oracle))
        {
            throw TestRig.Unavailable($"the kolla-ansible oracle ({Oracle})");
        }

        // The oracle runs Ansible with the system's Python (Debian's modules), not whatever python3 is first on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var modules = await ExternalCommand.RunAsync(python, ["-c", "import jinja2, yaml, netaddr, oslo_config, oslo_utils, jmespath, bcrypt, hvac, cryptography"], cancellationToken: token);
        if (!modules.Succeeded)
        {
            throw TestRig.Unavailable("the oracle's Python modules: apt-get install python3-jinja2 python3-yaml python3-netaddr python3-oslo.config python3-oslo.utils python3-jmespath python3-bcrypt python3-hvac python3-cryptography");
        }
    }
}
