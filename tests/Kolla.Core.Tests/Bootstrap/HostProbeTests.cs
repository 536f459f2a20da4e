using System.Text;
using Kolla.Bootstrap;

namespace Kolla.Tests.Bootstrap;

/// <summary>The read-only probe's script and how its output is read.</summary>
public sealed class HostProbeTests
{
    [Fact]
    public void Parse_ProbeOutput_ReadsEveryRecord()
    {
        var content = Convert.ToBase64String(Encoding.UTF8.GetBytes("{}\n"));
        var output = string.Join('\n',
            "os\tdebian\t",
            "pkg\tgit\tinstall ok installed",
            "pkg\tlxc\tdeinstall ok config-files",
            "systemd\tyes",
            "docker\tdisabled\tinactive",
            "unit\t/dev/null",
            "ufw\tactive",
            "ufwdefault\tdeny",
            "group\tdocker",
            "user\tkolla\t/home/kolla\tkolla docker",
            "stat\t/etc/kolla\tdirectory\t750\troot\tkolla",
            $"file\t/etc/docker/daemon.json\t{content}",
            "");

        var host = HostProbe.Parse("h1", output);

        host.IsDebianFamily.Should().BeTrue();
        host.InstalledPackages.Should().BeEquivalentTo(["git"]);
        host.SystemdRunning.Should().BeTrue();
        (host.DockerEnabled, host.DockerActive, host.DockerUnitOverride).Should().Be(("disabled", "inactive", "/dev/null"));
        (host.UfwStatus, host.UfwIncomingPolicy).Should().Be(("active", "deny"));
        host.Groups.Should().BeEquivalentTo(["docker"]);
        host.User.Should().BeEquivalentTo(new UnixUser("kolla", "/home/kolla", new HashSet<string> { "kolla", "docker" }));
        host.Paths["/etc/kolla"].Should().Be(new PathState(true, Convert.ToInt32("750", 8), "root", "kolla"));
        Encoding.UTF8.GetString(host.Files["/etc/docker/daemon.json"]).Should().Be("{}\n");
    }

    [Fact]
    public void Parse_UnknownLine_IsRefusedWithTheLine()
    {
        var parse = () => HostProbe.Parse("h1", "os\tdebian\t\nsh: 1: dpkg-query: oops\n");

        parse.Should().Throw<BootstrapException>().WithMessage("h1: unexpected output while reading the host: 'sh: 1: dpkg-query: oops'");
    }

    [Fact]
    public void Script_NamesEveryPackageOnceAndQuotesNames()
    {
        var settings = BootstrapSettings.Read(name => name == "kolla_user" ? "o'k" : BootstrapSettings.Undefined);

        var script = HostProbe.Script(settings);

        script.Should().Contain("dpkg-query -W -f='pkg\\t${Package}\\t${Status}\\n' docker.io apparmor git iputils-ping tzdata lxd lxc open-iscsi ufw 2>/dev/null");
        script.Should().Contain("getent passwd 'o'\\''k'");
    }
}
