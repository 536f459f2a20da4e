using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// <c>kolla bootstrap-servers</c> over SSH against a minimal Debian bookworm (debootstrap) in a network namespace, its
/// apt fed by a local repository: the dry run changes nothing, the run installs the distribution's docker.io and the
/// packages role's packages, writes kolla's daemon.json, makes the kolla user with its sudoers entry, node_config_directory
/// and kolla.target; a second run has nothing to do, and drift is shown as a diff and put back. The chroot has no
/// systemd, so the engine is installed and configured but not started (the run says so).
/// </summary>
[LongRunning]
public sealed class BootstrapServersTests : IAsyncLifetime
{
    private const string DaemonJson =
        "{\n    \"bridge\": \"none\",\n    \"insecure-registries\": [\n        \"registry.example:4000\"\n    ],\n    \"ip-forward\": false,\n"
        + "    \"iptables\": false,\n    \"log-opts\": {\n        \"max-file\": \"3\",\n        \"max-size\": \"50m\"\n    }\n}";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-bootstrap-servers-");
    private DebianRootHosts? _hosts;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        _hosts = await DebianRootHosts.CreateAsync(1, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_hosts is not null)
        {
            await _hosts.DisposeAsync();
        }

        _dir.Delete(recursive: true);
    }

    [Fact]
    public async Task BootstrapServers_FreshDebianHost_PreparesItOnceAndPutsDriftBack()
    {
        var hosts = _hosts!;
        var host = hosts.Hosts[0];
        var config = Path.Combine(_dir.FullName, "config");
        Directory.CreateDirectory(config);
        await File.WriteAllTextAsync(Path.Combine(config, "globals.yml"),
            "create_kolla_user: true\ndocker_registry: \"registry.example:4000\"\ndocker_registry_insecure: true\ndocker_log_max_file: \"3\"\n", Token);
        var inventory = Path.Combine(_dir.FullName, "inventory");
        await File.WriteAllTextAsync(inventory, $"[baremetal]\nnode1 ansible_host={host.Address} ansible_port={host.SshPort} ansible_user=root\n", Token);
        var passwords = Path.Combine(TestRig.RepositoryRoot, "tests", "Kolla.Core.Tests", "Golden", "genconfig", "passwords.yml");
        string[] common = ["bootstrap-servers", "-i", inventory, "--configdir", config, "--passwords", passwords, "--executor", "ssh",
            "--private-key", hosts.ClientKeyPath, "--known-hosts", hosts.KnownHostsPath, "--allow-unimplemented"];

        var dryRun = await KollaCli.RunAsync([.. common, "--dry-run"], Token);

        dryRun.Code.Should().Be(0, dryRun.Out + dryRun.Error);
        dryRun.Out.Should().Contain("+ install docker.io apparmor (docker.service masked meanwhile)").And.Contain("+    \"iptables\": false,")
            .And.Contain("+ create user kolla (group kolla, also in docker, sudo)");
        File.Exists(host.PathOf("/etc/docker/daemon.json")).Should().BeFalse("a dry run changes nothing");
        (await PackageStatusAsync(host, "docker.io")).Should().NotBe("install ok installed");

        var run = await KollaCli.RunAsync(common, Token);

        run.Code.Should().Be(0, run.Out + run.Error);
        run.Out.Should().Contain("note: systemd is not running on this host: docker is neither enabled nor started");
        foreach (var package in (string[])["docker.io", "apparmor", "git", "iputils-ping", "tzdata"])
        {
            (await PackageStatusAsync(host, package)).Should().Be("install ok installed", package);
        }

        (await File.ReadAllTextAsync(host.PathOf("/etc/docker/daemon.json"), Token)).Should().Be(DaemonJson);
        new FileInfo(host.PathOf("/etc/systemd/system/docker.service")).LinkTarget.Should().BeNull("masked only while apt installs it");
        var passwd = await File.ReadAllLinesAsync(host.PathOf("/etc/passwd"), Token);
        var kolla = passwd.Single(l => l.StartsWith("kolla:", StringComparison.Ordinal)).Split(':');
        var group = await File.ReadAllLinesAsync(host.PathOf("/etc/group"), Token);
        group.Should().Contain(l => l.StartsWith("docker:", StringComparison.Ordinal) && l.EndsWith(":kolla", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("sudo:", StringComparison.Ordinal) && l.EndsWith(":kolla", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("kolla:x:" + kolla[3] + ":", StringComparison.Ordinal));
        (await File.ReadAllTextAsync(host.PathOf("/etc/sudoers.d/kolla-ansible-users"), Token)).Should().Be("kolla ALL=(ALL) NOPASSWD: ALL\n");
        File.GetUnixFileMode(host.PathOf("/etc/sudoers.d/kolla-ansible-users")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var etcKolla = new DirectoryInfo(host.PathOf("/etc/kolla"));
        etcKolla.Exists.Should().BeTrue();
        (await StatAsync(etcKolla.FullName)).Should().Be($"755 {kolla[2]} {kolla[3]}");
        (await File.ReadAllTextAsync(host.PathOf(kolla[5] + "/.ssh/authorized_keys"), Token)).Should().Be("ssh-rsa AAAAGOLDENkollasshkey kolla_ssh_key\n");
        (await File.ReadAllTextAsync(host.PathOf("/etc/systemd/system/kolla.target"), Token)).Should().StartWith("[Unit]\n").And.EndWith("WantedBy=multi-user.target\n");

        var again = await KollaCli.RunAsync(common, Token);

        again.Code.Should().Be(0, again.Out + again.Error);
        again.Out.Should().Contain("== node1 (0 step(s) taken)").And.Contain("No changes: 1 host(s) already prepared.");

        await File.WriteAllTextAsync(host.PathOf("/etc/docker/daemon.json"), "{}", Token);
        var drift = await KollaCli.RunAsync([.. common, "--dry-run"], Token);
        var repair = await KollaCli.RunAsync(common, Token);

        drift.Out.Should().Contain("+ update /etc/docker/daemon.json").And.Contain("-{}").And.Contain("Plan: 1 step(s) on 1 host(s).");
        repair.Code.Should().Be(0, repair.Out + repair.Error);
        (await File.ReadAllTextAsync(host.PathOf("/etc/docker/daemon.json"), Token)).Should().Be(DaemonJson);
    }

    /// <summary>The package's dpkg status in the host's root (read with the root's own dpkg database).</summary>
    private static async Task<string> PackageStatusAsync(DebianRootHost host, string package)
    {
        var query = await ExternalCommand.RunAsync("dpkg-query", ["--admindir", host.PathOf("/var/lib/dpkg"), "-W", "-f=${Status}", package], cancellationToken: Token);
        return query.StandardOutput.Trim();
    }

    private static async Task<string> StatAsync(string path) =>
        (await ExternalCommand.RunAsync("stat", ["-c", "%a %u %g", path], cancellationToken: Token)).StandardOutput.Trim();
}
