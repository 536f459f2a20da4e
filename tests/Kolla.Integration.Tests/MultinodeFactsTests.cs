using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>Eight namespace hosts without Docker: the nodes of kolla-ansible's multinode inventory.</summary>
public sealed class EightHosts() : NamespaceHostsFixture(8, withDocker: false);

/// <summary>
/// kolla-ansible's multinode inventory, unchanged, with network-namespace hosts as its nodes: a second inventory only
/// says how to reach each one (<c>ansible_host</c>); every service address comes from the node's own facts, gathered
/// over SSH.
/// </summary>
public sealed class MultinodeFactsTests(EightHosts fixture) : IClassFixture<EightHosts>, IDisposable
{
    private static readonly string[] Nodes = ["control01", "control02", "control03", "network01", "network02", "compute01", "monitoring01", "storage01"];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-multinode-facts-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Genconfig_UpstreamMultinodeInventory_RendersEachNodesOwnAddress_AndTheCacheServesADryRun()
    {
        var hosts = fixture.Hosts;
        var address = Nodes.Select((node, i) => (node, hosts.Hosts[i])).ToDictionary(p => p.node, p => p.Item2.Address);
        var connection = Path.Combine(_dir.FullName, "connection");
        await File.WriteAllTextAsync(connection, "[all]\n" + string.Join('\n', Nodes.Select(n => $"{n} ansible_host={address[n]} ansible_user=root")) + "\n", Token);
        var config = Path.Combine(_dir.FullName, "config");
        Directory.CreateDirectory(config);
        File.Copy(Path.Combine(TestRig.RepositoryRoot, "samples", "multinode", "globals.yml"), Path.Combine(config, "globals.yml"));
        var upstream = Path.Combine(TestRig.SharedDirectory, "vectors", "kolla-ansible-inputs", "multinode");
        var passwords = Path.Combine(TestRig.RepositoryRoot, "tests", "Kolla.Core.Tests", "Golden", "genconfig", "passwords.yml");
        var cache = Path.Combine(_dir.FullName, "facts");
        var output = Path.Combine(_dir.FullName, "out");
        string[] common = ["-i", upstream, "-i", connection, "--configdir", config, "--passwords", passwords, "--facts-cache", cache];

        var run = await KollaCli.RunAsync(
            ["genconfig", .. common, "-o", output, "--private-key", hosts.ClientKeyPath, "--known-hosts", hosts.KnownHostsPath], Token);

        run.Code.Should().Be(0, run.Out + run.Error);
        foreach (var node in (string[])["control01", "control02", "control03"])
        {
            var galera = await File.ReadAllTextAsync(Path.Combine(output, node, "mariadb", "galera.cnf"), Token);
            galera.Should().Contain($"bind-address = {address[node]}\n", $"{node}'s eth0 address, from its facts")
                .And.Contain($"gcomm://{address["control01"]}:4567,{address["control02"]}:4567,{address["control03"]}:4567");
        }

        var compute = await File.ReadAllTextAsync(Path.Combine(output, "compute01", "nova-compute", "nova.conf"), Token);
        compute.Should().Contain($"my_ip = {address["compute01"]}\n");
        Directory.GetFiles(cache).Select(Path.GetFileName).Should().Contain(Nodes).And.Contain("localhost");

        // The cache now answers for every node: the dry-run executor renders the same files without reaching any.
        var offline = Path.Combine(_dir.FullName, "offline");
        var dryRun = await KollaCli.RunAsync(["genconfig", .. common, "-o", offline, "--executor", "dry-run"], Token);

        dryRun.Code.Should().Be(0, dryRun.Out + dryRun.Error);
        foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(output, file);
            if (relative.EndsWith("compute_id", StringComparison.Ordinal))
            {
                continue;
            }

            (await File.ReadAllBytesAsync(Path.Combine(offline, relative), Token)).Should().Equal(await File.ReadAllBytesAsync(file, Token), relative);
        }
    }
}
