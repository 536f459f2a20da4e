using System.Text;
using Kolla.Bootstrap;

namespace Kolla.Tests.Bootstrap;

/// <summary>The host preparation plan: the baremetal role's steps for what a host lacks, nothing for a prepared host.</summary>
public sealed class BootstrapPlannerTests
{
    private static readonly BootstrapSettings s_defaults = BootstrapSettings.Read(_ => BootstrapSettings.Undefined);

    private static readonly BootstrapSettings s_withUser = BootstrapSettings.Read(name => name switch
    {
        "create_kolla_user" => true,
        "kolla_ssh_key" => new Dictionary<string, object?> { ["public_key"] = "ssh-rsa AAAAB3 kolla@deploy\n" },
        _ => BootstrapSettings.Undefined,
    });

    private static int Octal(string mode) => Convert.ToInt32(mode, 8);

    /// <summary>What a host looks like after the role ran on it (systemd running, engine active).</summary>
    private static HostObservation Prepared(BootstrapSettings settings) => new()
    {
        OsId = "debian",
        SystemdRunning = true,
        DockerEnabled = "enabled",
        DockerActive = "active",
        InstalledPackages = settings.EnginePackages.Concat(settings.Packages).ToHashSet(StringComparer.Ordinal),
        Groups = new HashSet<string>(StringComparer.Ordinal) { "docker", "sudo", "kolla" },
        User = new UnixUser("kolla", "/home/kolla", new HashSet<string>(StringComparer.Ordinal) { "kolla", "docker", "sudo" }),
        Paths = new Dictionary<string, PathState>(StringComparer.Ordinal)
        {
            ["/etc/docker"] = new(true, Octal("755"), "root", "root"),
            ["/etc/kolla"] = new(true, Octal("755"), settings.CreateKollaUser ? "kolla" : "root", settings.CreateKollaUser ? "kolla" : "root"),
            ["/etc/sudoers.d"] = new(true, Octal("755"), "root", "root"),
            ["/home/kolla/.ssh"] = new(true, Octal("700"), "kolla", "kolla"),
            ["/home/kolla/.ssh/authorized_keys"] = new(false, Octal("600"), "kolla", "kolla"),
            [BootstrapSettings.DaemonJsonPath] = new(false, Octal("644"), "root", "root"),
            [BootstrapSettings.KollaTargetPath] = new(false, Octal("644"), "root", "root"),
            [BootstrapSettings.SudoersPath] = new(false, Octal("640"), "root", "root"),
        },
        Files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [BootstrapSettings.DaemonJsonPath] = settings.DaemonJson,
            [BootstrapSettings.KollaTargetPath] = BootstrapSettings.KollaTarget,
            [BootstrapSettings.SudoersPath] = Encoding.UTF8.GetBytes("kolla ALL=(ALL) NOPASSWD: ALL\n"),
            ["/home/kolla/.ssh/authorized_keys"] = Encoding.UTF8.GetBytes("ssh-rsa AAAAB3 kolla@deploy\n"),
        },
    };

    [Fact]
    public void Plan_FreshHost_TakesTheRolesStepsInOrder()
    {
        var (steps, notes) = BootstrapPlanner.Plan(s_withUser, HostObservation.Fresh with { SystemdRunning = true });

        steps.Select(s => s.Description).Should().Equal(
            "install git iputils-ping tzdata",
            "install docker.io apparmor (docker.service masked meanwhile)",
            "create directory /etc/docker (0755)",
            "create /etc/docker/daemon.json (0644)",
            "docker.service: unmask, enable, start",
            "create group(s) docker sudo kolla",
            "create user kolla (group kolla, also in docker, sudo)",
            "create directory /home/kolla/.ssh (0700, kolla:kolla)",
            "create /home/kolla/.ssh/authorized_keys (0600, kolla:kolla)",
            "create directory /etc/sudoers.d (0755)",
            "create /etc/sudoers.d/kolla-ansible-users (0640)",
            "create directory /etc/kolla (0755, kolla:kolla)",
            "create /etc/systemd/system/kolla.target (0644)");
        notes.Should().BeEmpty();
        steps[1].Script.Should().Contain("ln -s /dev/null \"$u\"").And.Contain("apt-get install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold docker.io apparmor");
        steps[3].Diff.Should().Contain("+++ /etc/docker/daemon.json").And.Contain("+    \"iptables\": false,");
        steps[4].Script.Should().Contain("systemctl enable docker").And.Contain("systemctl restart docker");
        steps[5].Script.Should().Be("getent group docker >/dev/null || groupadd docker\ngetent group sudo >/dev/null || groupadd sudo\ngetent group kolla >/dev/null || groupadd kolla\n");
        steps[6].Script.Should().Be("getent passwd kolla >/dev/null || useradd -m -g kolla -G docker,sudo kolla\n");
        Encoding.UTF8.GetString(steps[10].Content!).Should().Be("kolla ALL=(ALL) NOPASSWD: ALL\n");
    }

    [Fact]
    public void Plan_PreparedHost_HasNoStep()
    {
        BootstrapPlanner.Plan(s_withUser, Prepared(s_withUser)).Steps.Should().BeEmpty();
        BootstrapPlanner.Plan(s_defaults, Prepared(s_defaults)).Steps.Should().BeEmpty();
    }

    [Fact]
    public void Plan_DaemonJsonChangedOnARunningEngine_UpdatesItWithADiffAndRestartsTheEngine()
    {
        var host = Prepared(s_defaults);
        host = host with { Files = new Dictionary<string, byte[]>(host.Files) { [BootstrapSettings.DaemonJsonPath] = Encoding.UTF8.GetBytes("{}") } };

        var steps = BootstrapPlanner.Plan(s_defaults, host).Steps;

        steps.Select(s => s.Description).Should().Equal("update /etc/docker/daemon.json", "docker.service: restart (daemon.json changed)");
        steps[0].Diff.Should().Contain("-{}").And.Contain("+    \"bridge\": \"none\",");
    }

    [Fact]
    public void Plan_UfwActiveAndConflictingPackages_DisablesUfwAndRemovesThem()
    {
        var host = Prepared(s_defaults);
        host = host with
        {
            UfwStatus = "active",
            UfwIncomingPolicy = "deny",
            InstalledPackages = new HashSet<string>(host.InstalledPackages, StringComparer.Ordinal) { "lxc", "open-iscsi", "ufw" },
        };

        var steps = BootstrapPlanner.Plan(s_defaults, host).Steps;

        steps.Select(s => s.Description).Should().Equal("disable ufw, default incoming policy allow", "remove lxc open-iscsi");
        steps[1].Script.Should().EndWith("apt-get remove -y -q lxc open-iscsi\n");
    }

    [Fact]
    public void Plan_UfwInactiveAndAllowing_LeavesIt()
    {
        var host = Prepared(s_defaults) with { UfwStatus = "inactive", UfwIncomingPolicy = "allow" };

        BootstrapPlanner.Plan(s_defaults, host).Steps.Should().BeEmpty();
        BootstrapPlanner.Plan(s_defaults with { DisableFirewall = false }, host with { UfwStatus = "active" }).Steps.Should().BeEmpty();
    }

    [Fact]
    public void Plan_UserWithoutDockerGroupAndWrongModes_FixesOnlyThose()
    {
        var host = Prepared(s_withUser);
        host = host with
        {
            User = host.User! with { Groups = new HashSet<string>(StringComparer.Ordinal) { "kolla" } },
            Paths = new Dictionary<string, PathState>(host.Paths) { ["/etc/kolla"] = new(true, Octal("700"), "root", "root") },
        };

        var steps = BootstrapPlanner.Plan(s_withUser, host).Steps;

        steps.Select(s => s.Description).Should().Equal(
            "set user kolla's group to kolla, add it to docker, sudo",
            "set /etc/kolla to 0755, kolla:kolla (was 0700 root:root)");
    }

    [Fact]
    public void Plan_NoSystemd_UnmasksAfterInstallAndSaysTheEngineIsNotStarted()
    {
        var (steps, notes) = BootstrapPlanner.Plan(s_defaults, HostObservation.Fresh);

        steps.Should().Contain(s => s.Description == "unmask docker.service");
        steps.Should().NotContain(s => s.Description.StartsWith("docker.service", StringComparison.Ordinal));
        notes.Should().Equal("systemd is not running on this host: docker is neither enabled nor started");
    }

    [Fact]
    public void Plan_NotDebian_IsRefused()
    {
        var plan = () => BootstrapPlanner.Plan(s_defaults, new HostObservation { OsId = "rocky", OsIdLike = "rhel centos fedora" });

        plan.Should().Throw<BootstrapException>().WithMessage("bootstrap-servers prepares Debian-family hosts only; this host's /etc/os-release says ID=rocky");
    }

    [Theory]
    [InlineData(null, "kolla ALL=(ALL) NOPASSWD: ALL\n")]
    [InlineData("# keep\n", "# keep\nkolla ALL=(ALL) NOPASSWD: ALL\n")]
    [InlineData("# no newline", "# no newline\nkolla ALL=(ALL) NOPASSWD: ALL\n")]
    [InlineData("kolla ALL=(ALL) ALL\nother ALL=(ALL) ALL\n", "kolla ALL=(ALL) NOPASSWD: ALL\nother ALL=(ALL) ALL\n")]
    [InlineData("kolla1 x\nkolla2 y\n", "kolla1 x\nkolla ALL=(ALL) NOPASSWD: ALL\n")]
    public void SudoersContent_LikeLineinfile_ReplacesTheLastMatchElseAppends(string? current, string expected)
    {
        var bytes = BootstrapPlanner.SudoersContent(current is null ? null : Encoding.UTF8.GetBytes(current), "kolla", "kolla ALL=(ALL) NOPASSWD: ALL");

        Encoding.UTF8.GetString(bytes).Should().Be(expected);
    }
}
