using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// <c>kolla mariadb_recovery</c> on a real three-node Galera cluster of our <c>mariadb-server</c> image: three namespace
/// hosts, each with its own engine, deployed over SSH by <c>kolla deploy</c> with the catalogue's MariaDB; every MariaDB
/// container killed at once; the recovery brings the cluster back with the data written before the outage.
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

    private static string? ImageTar =>
        Environment.GetEnvironmentVariable("KOLLA_TEST_MARIADB_IMAGE_TAR") is { Length: > 0 } tar ? tar : null;

    // The containers go first: the engine would otherwise recreate their config directories (bind-mount sources) under
    // the directory being deleted each time it restarts them.
    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var host in fixture.Hosts.Hosts)
            {
                await ExternalCommand.RunAsync("docker", ["-H", host.DockerHost!, "rm", "-f", "mariadb"]);
            }
        }
        catch (TestRigUnavailableException)
        {
            // No hosts: nothing was started.
        }

        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task MariaDbRecovery_AllThreeNodesKilled_ClusterOfThreeWithTheDataWrittenBefore()
    {
        var imageTar = ImageTar ?? "";
        if (!File.Exists(imageTar))
        {
            Assert.Skip($"about 10 minutes, so opt-in: build {Image} (kolla build mariadb-server, with network access), save it with "
                + $"docker save {Image} -o FILE and set KOLLA_TEST_MARIADB_IMAGE_TAR=FILE" + (ImageTar is null ? "" : $" ({ImageTar} does not exist)"));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
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
        string[] common =
        [
            "-i", inventory, "--configdir", config, "--passwords", passwords, "-t", "mariadb",
            "--private-key", fixture.Hosts.ClientKeyPath, "--known-hosts", fixture.Hosts.KnownHostsPath,
        ];

        // The deploy writes the catalogue's files, creates the volumes, runs bootstrap_mariadb on the first host and the
        // containers; a new multi-node cluster also needs its first start with --wsrep-new-cluster, which the deploy does
        // not make yet, so the members wait for each other until it gives up: the recovery forms the cluster from the
        // bootstrapped node.
        await KollaCli.RunAsync(["deploy", .. common, "--continue-on-error", "--health-timeout", "30", "-e", "database_max_timeout=20"], token);
        var formed = await KollaCli.RunAsync(["mariadb_recovery", .. common], token);
        formed.Code.Should().Be(0, formed.Out + formed.Error);
        formed.Out.Should().Contain($"mariadb_recovery: cluster recovered from {hosts[0].Name}, 3 node(s) synced");

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
            (await DockerAsync(host, ["inspect", "-f", "{{.HostConfig.RestartPolicy.Name}} {{range .Config.Env}}{{.}} {{end}}", "mariadb"], token))
                .Should().StartWith("unless-stopped ", "every member runs the planned container again").And.NotContain("BOOTSTRAP_ARGS");
        }
    }

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
