using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// A real three-node Galera cluster of our <c>mariadb-server</c> image: three namespace hosts, each with its own engine,
/// deployed over SSH by <c>kolla deploy</c> with the catalogue's MariaDB, which forms the new cluster; then every MariaDB
/// container killed at once, and <c>kolla mariadb_recovery</c> brings the cluster back with the data written before.
/// </summary>
/// <remarks>
/// Slow (Galera start-ups and one container create per step on vfs engines: about 10 minutes on 2 cores), so it runs only
/// when <c>KOLLA_TEST_MARIADB_IMAGE_TAR</c> names the image saved by <c>docker save</c> (for example
/// <c>/var/tmp/kolla-galera-cache/mariadb-server.tar</c>): a fresh machine has no built image and building one needs the
/// network, and the whole suite must stay well under 20 minutes. Otherwise it skips saying how to run it.
/// </remarks>
[LongRunning]
public sealed class MariaDbRecoveryTests(ThreeDockerHosts fixture) : IClassFixture<ThreeDockerHosts>, IAsyncDisposable
{
    private const string Image = "kolla/mariadb-server:2025.1-debian-bookworm";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-mariadb-recovery-");
    private CancellationTokenSource? _timeout;

    private static string? ImageTar =>
        Environment.GetEnvironmentVariable("KOLLA_TEST_MARIADB_IMAGE_TAR") is { Length: > 0 } tar ? tar : null;

    // The containers go first: the engine would otherwise recreate their config directories (bind-mount sources) under
    // the directory being deleted each time it restarts them. The data volume goes too, so the next test's cluster is new.
    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var host in fixture.Hosts.Hosts)
            {
                await ExternalCommand.RunAsync("docker", ["-H", host.DockerHost!, "rm", "-f", "mariadb"]);
                await ExternalCommand.RunAsync("docker", ["-H", host.DockerHost!, "volume", "rm", "-f", "mariadb"]);
            }
        }
        catch (TestRigUnavailableException)
        {
            // No hosts: nothing was started.
        }

        _dir.Delete(recursive: true);
        _timeout?.Dispose();
    }

    [Fact]
    public async Task Deploy_ThreeFreshHosts_FormsTheCluster_AndASecondDeployChangesNothing()
    {
        var (common, token) = await PrepareAsync();
        var hosts = fixture.Hosts.Hosts;

        // bootstrap_mariadb on the first host, its server started with --wsrep-new-cluster, the others joining one at a
        // time, then the first restarted as a member.
        var deploy = await KollaCli.RunAsync(["deploy", .. common], token);

        deploy.Code.Should().Be(0, deploy.Out + deploy.Error);
        deploy.Out.Should().Contain($"{hosts[0].Name}: changed: bootstrap galera cluster: create container mariadb with --wsrep-new-cluster, then {hosts[1].Name}, {hosts[2].Name} join one at a time")
            .And.Contain($"{hosts[0].Name}: changed: recreate container mariadb without --wsrep-new-cluster once {hosts[1].Name}, {hosts[2].Name} joined");
        await ExpectClusterOfThreeAsync(token);

        var again = await KollaCli.RunAsync(["deploy", .. common], token);

        again.Code.Should().Be(0, again.Out + again.Error);
        again.Out.Should().NotContain("changed:", "the cluster exists: nothing is bootstrapped, created or restarted");
        foreach (var host in hosts)
        {
            again.Out.Should().MatchRegex($@"{host.Name}\s+: ok=1\s+changed=0\s+failed=0");
        }

        await ExpectClusterOfThreeAsync(token);
    }

    [Fact]
    public async Task MariaDbRecovery_AllThreeNodesKilled_ClusterOfThreeWithTheDataWrittenBefore()
    {
        var (common, token) = await PrepareAsync();
        var hosts = fixture.Hosts.Hosts;
        var deploy = await KollaCli.RunAsync(["deploy", .. common], token);
        deploy.Code.Should().Be(0, deploy.Out + deploy.Error);

        await SqlAsync(hosts[1], "CREATE DATABASE recovery_test; CREATE TABLE recovery_test.t (id INT PRIMARY KEY, v VARCHAR(40)); "
            + "INSERT INTO recovery_test.t VALUES (1, 'written before the outage');", token);
        // galera.cnf flushes InnoDB's log once a second (innodb_flush_log_at_trx_commit = 0), as kolla-ansible's: a write
        // younger than that dies with a node killed everywhere at once.
        await Task.Delay(TimeSpan.FromSeconds(3), token);
        await Task.WhenAll(hosts.Select(h => DockerAsync(h, ["kill", "mariadb"], token)));

        var run = await KollaCli.RunAsync(["mariadb_recovery", .. common], token);

        run.Code.Should().Be(0, run.Out + run.Error);
        run.Out.Should().Contain("mariadb_recovery: cluster size 3, every node synced");
        foreach (var host in hosts)
        {
            (await SqlAsync(host, "SHOW STATUS LIKE 'wsrep_cluster_size'; SELECT v FROM recovery_test.t WHERE id = 1;", token))
                .Should().Be("wsrep_cluster_size\t3\nwritten before the outage\n", host.Name);
            await ExpectPlannedContainerAsync(host, token);
        }
    }

    /// <summary>Skips unless opted in; loads the image on every host and writes the inventory, globals and passwords.</summary>
    /// <returns>The arguments every command of the test takes, and the test's token (15 minutes at most).</returns>
    private async Task<(string[] Common, CancellationToken Token)> PrepareAsync()
    {
        var imageTar = ImageTar ?? "";
        if (!File.Exists(imageTar))
        {
            Assert.Skip($"about 10 minutes, so opt-in: build {Image} (kolla build mariadb-server, with network access), save it with "
                + $"docker save {Image} -o FILE and set KOLLA_TEST_MARIADB_IMAGE_TAR=FILE" + (ImageTar is null ? "" : $" ({ImageTar} does not exist)"));
        }

        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _timeout = timeout;
        timeout.CancelAfter(TimeSpan.FromMinutes(15));
        var token = timeout.Token;
        var hosts = fixture.Hosts.Hosts;
        await Task.WhenAll(hosts.Select(h => DockerAsync(h, ["load", "-q", "-i", imageTar], token)));

        var config = Directory.CreateDirectory(Path.Combine(_dir.FullName, "config")).FullName;
        await File.WriteAllTextAsync(Path.Combine(config, "globals.yml"), Globals(hosts[0].Address), token);
        var inventory = Path.Combine(_dir.FullName, "inventory");
        await File.WriteAllTextAsync(inventory, "[control]\n"
            + string.Concat(hosts.Select(h => $"{h.Name} ansible_host={h.Address} ansible_user=root node_config_directory={_dir.FullName}/node-{h.Name}\n"))
            + "\n[mariadb:children]\ncontrol\n", token);
        var passwords = Path.Combine(config, "passwords.yml");
        (await KollaCli.RunAsync(["genpwd", "-p", passwords], token)).Code.Should().Be(0);
        return (
            [
                "-i", inventory, "--configdir", config, "--passwords", passwords, "-t", "mariadb",
                "--private-key", fixture.Hosts.ClientKeyPath, "--known-hosts", fixture.Hosts.KnownHostsPath,
            ],
            token);
    }

    private async Task ExpectClusterOfThreeAsync(CancellationToken token)
    {
        foreach (var host in fixture.Hosts.Hosts)
        {
            (await SqlAsync(host, "SHOW STATUS LIKE 'wsrep_cluster_size'; SHOW STATUS LIKE 'wsrep_local_state_comment';", token))
                .Should().Be("wsrep_cluster_size\t3\nwsrep_local_state_comment\tSynced\n", host.Name);
            await ExpectPlannedContainerAsync(host, token);
        }
    }

    private static async Task ExpectPlannedContainerAsync(NamespaceHost host, CancellationToken token) =>
        (await DockerAsync(host, ["inspect", "-f", "{{.HostConfig.RestartPolicy.Name}} {{range .Config.Env}}{{.}} {{end}}", "mariadb"], token))
            .Should().StartWith("unless-stopped ", "every member runs the planned container").And.NotContain("BOOTSTRAP_ARGS");

    private static string Globals(string address) => $"""
        kolla_base_distro: "debian"
        kolla_base_distro_version: "bookworm"
        openstack_release: "2025.1"
        docker_registry: ""
        docker_namespace: "kolla"
        network_interface: "eth0"
        kolla_internal_vip_address: "{address[..address.LastIndexOf('.')]}.250"
        enable_haproxy: "no"
        enable_keepalived: "no"
        enable_proxysql: "no"
        enable_fluentd: "no"
        enable_memcached: "no"
        enable_rabbitmq: "no"
        enable_keystone: "no"
        enable_glance: "no"
        enable_nova: "no"
        enable_placement: "no"
        enable_neutron: "no"
        enable_openvswitch: "no"
        enable_horizon: "no"
        enable_heat: "no"
        mariadb_innodb_buffer_pool_size: "64M"
        mariadb_innodb_log_file_size_mb: 16
        default_container_dimensions: {"{}"}
        default_container_healthcheck_interval: 5

        """;

    private static async Task<string> SqlAsync(NamespaceHost host, string sql, CancellationToken token) =>
        await DockerAsync(host, ["exec", "mariadb", "mariadb", "--protocol=socket", "-uroot", "-N", "-B", "-e", sql], token);

    private static async Task<string> DockerAsync(NamespaceHost host, string[] args, CancellationToken token)
    {
        var result = await ExternalCommand.RunAsync("docker", ["-H", host.DockerHost!, .. args], cancellationToken: token);
        result.ExitCode.Should().Be(0, result.StandardOutput + result.StandardError);
        return result.StandardOutput;
    }
}
