using Kolla.Facts;
using Kolla.TestKit;

namespace Kolla.Tests.Lifecycle;

/// <summary><c>kolla gather-facts</c>, <c>--facts-cache</c> and what happens to a host without facts, in-process.</summary>
public sealed class FactsCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-facts-cli-");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Config => Path.Combine(_dir.FullName, "etc");

    private string Inventory => Path.Combine(_dir.FullName, "inventory");

    private static string Passwords => Path.Combine(TestRig.RepositoryRoot, "tests", "Kolla.Core.Tests", "Golden", "genconfig", "passwords.yml");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task GatherFacts_WritesThisMachinesFactsIntoConfigdirFacts_AsAnsiblesCacheHoldsThem()
    {
        await SetUpAsync("[control]\nlocalhost ansible_connection=local\n");

        var (code, output, error) = await CliRun.RunAsync("gather-facts", "-i", Inventory, "--configdir", Config, "--passwords", Passwords, "--executor", "dry-run");

        code.Should().Be(0, error);
        var local = await LocalHostFacts.ReadAsync("localhost", Token);
        output.Should().StartWith($"localhost: hostname {local.Hostname}, {local.ProcessorVcpus} vCPU(s), {local.MemTotalMb} MB, interfaces ")
            .And.EndWith($"gather-facts: 1 host(s) written to {Path.Combine(Config, "facts")}\n");
        var cached = await new FactCache(Path.Combine(Config, "facts")).TryLoadAsync("localhost", Token);
        cached!.Hostname.Should().Be(local.Hostname);
        (await File.ReadAllTextAsync(Path.Combine(Config, "facts", "localhost"), Token)).Should().Contain("\"ansible_lo\": {", "Ansible's cache keeps the ansible_ prefix");
    }

    [Fact]
    public async Task DryRun_RemoteHostWithoutCachedFacts_FailsNamingIt_AndACachedOneRendersItsOwnAddress()
    {
        await SetUpAsync("[control]\nnode1 ansible_host=192.0.2.10\nnode2 ansible_host=192.0.2.11\n\n[mariadb:children]\ncontrol\n");
        string[] genconfig = ["genconfig", "-i", Inventory, "--configdir", Config, "--passwords", Passwords, "--executor", "dry-run", "--tags", "mariadb", "-o", Path.Combine(_dir.FullName, "out")];

        var missing = await CliRun.RunAsync(genconfig);

        missing.Code.Should().Be(1);
        missing.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().SatisfyRespectively(
            l => l.Should().StartWith("error: node1: no facts").And.Contain("kolla gather-facts"),
            l => l.Should().StartWith("error: node2: no facts"));
        Directory.Exists(Path.Combine(_dir.FullName, "out")).Should().BeFalse("nothing is written when facts are missing");

        // The cache says where each node's eth0 is (its address differs from ansible_host: facts win).
        TestFacts.WriteCache(Path.Combine(Config, "facts"), [TestFacts.For("node1", "10.9.0.1", hostname: "db-a"), TestFacts.For("node2", "10.9.0.2", vcpus: 2, memTotalMb: 2000, hostname: "db-b")]);
        var cached = await CliRun.RunAsync(genconfig);

        cached.Code.Should().Be(0, cached.Error);
        var node2 = await File.ReadAllTextAsync(Path.Combine(_dir.FullName, "out", "node2", "mariadb", "galera.cnf"), Token);
        node2.Should().Contain("bind-address = 10.9.0.2\n")
            .And.Contain("wsrep_cluster_address = gcomm://10.9.0.1:4567,10.9.0.2:4567\n")
            .And.Contain("wsrep_node_name = db-b\n")
            .And.Contain("innodb_buffer_pool_size = 800M\n", "40 % of node2's 2000 MB");
    }

    private async Task SetUpAsync(string inventory)
    {
        Directory.CreateDirectory(Config);
        await File.WriteAllTextAsync(Inventory, inventory, Token);
        await File.WriteAllTextAsync(
            Path.Combine(Config, "globals.yml"),
            "kolla_internal_vip_address: \"10.9.0.250\"\nnetwork_interface: \"eth0\"\nenable_haproxy: \"no\"\nenable_heat: \"no\"\nenable_proxysql: \"no\"\n",
            Token);
    }
}
