using System.Text;
using Kolla.Bootstrap;

namespace Kolla.Tests.Bootstrap;

/// <summary>
/// <c>/etc/docker/daemon.json</c> against what Ansible wrote for the same values: the docker role's combine chain piped
/// through <c>to_nice_json</c> and written by <c>copy</c> (ansible-core 2.14, run once; the expected texts are its output).
/// </summary>
public sealed class DockerDaemonJsonTests
{
    private static string Render(IReadOnlyDictionary<string, object?> set) =>
        Encoding.UTF8.GetString(BootstrapSettings.Read(name => set.TryGetValue(name, out var value) ? value : BootstrapSettings.Undefined).DaemonJson);

    [Fact]
    public void Read_NothingSet_WritesKollaAnsiblesDefaultFile()
    {
        Render(new Dictionary<string, object?>()).Should().Be(
            "{\n    \"bridge\": \"none\",\n    \"ip-forward\": false,\n    \"iptables\": false,\n    \"log-opts\": {\n        \"max-file\": \"5\",\n        \"max-size\": \"50m\"\n    }\n}");
    }

    [Fact]
    public void Read_RegistryMirrorsDataRootDebugAndCustomConfig_MatchesAnsible()
    {
        var set = new Dictionary<string, object?>
        {
            ["docker_registry"] = "registry.example:4000",
            ["docker_registry_insecure"] = "yes",
            ["docker_registry_mirrors"] = new List<object?> { "http://mirror:5000" },
            ["docker_runtime_directory"] = "/srv/docker",
            ["docker_debug"] = true,
            ["docker_disable_default_iptables_rules"] = false,
            ["docker_custom_config"] = new Dictionary<string, object?>
            {
                ["log-opts"] = new Dictionary<string, object?> { ["max-size"] = "10m" },
                ["default-address-pools"] = new List<object?> { new Dictionary<string, object?> { ["base"] = "172.80.0.0/16", ["size"] = 24L } },
                ["labels"] = new List<object?> { "zoné" },
            },
        };

        Render(set).Should().Be("""
            {
                "data-root": "/srv/docker",
                "debug": true,
                "default-address-pools": [
                    {
                        "base": "172.80.0.0/16",
                        "size": 24
                    }
                ],
                "insecure-registries": [
                    "registry.example:4000"
                ],
                "labels": [
                    "zon\u00e9"
                ],
                "log-opts": {
                    "max-size": "10m"
                },
                "registry-mirrors": [
                    "http://mirror:5000"
                ]
            }
            """);
    }

    [Fact]
    public void Read_IptablesLeftOn_NetworkAndForwardingFollowAndIptablesIsInstalled()
    {
        var settings = BootstrapSettings.Read(name => name == "docker_disable_default_iptables_rules" ? "no" : BootstrapSettings.Undefined);

        Encoding.UTF8.GetString(settings.DaemonJson).Should().NotContain("iptables").And.NotContain("bridge").And.NotContain("ip-forward");
        settings.EnginePackages.Should().Equal("docker.io", "apparmor", "iptables");
    }

    [Fact]
    public void Read_CustomConfigNotAMapping_IsRefused()
    {
        var read = () => BootstrapSettings.Read(name => name == "docker_custom_config" ? "oops" : BootstrapSettings.Undefined);

        read.Should().Throw<BootstrapException>().WithMessage("docker_custom_config must be a mapping, not 'oops'");
    }

    [Fact]
    public void Read_Defaults_PackagesRemovalsAndNoKollaUser()
    {
        var settings = BootstrapSettings.Read(_ => BootstrapSettings.Undefined);

        settings.Packages.Should().Equal("git", "iputils-ping", "tzdata");
        settings.Removals.Should().Equal("lxd", "lxc", "open-iscsi");
        settings.CreateKollaUser.Should().BeFalse();
        settings.NodeConfigDirectory.Should().Be("/etc/kolla");
    }

    [Fact]
    public void Read_MultipathdAndLibvirtContainer_AddTheirPackages()
    {
        var settings = BootstrapSettings.Read(name => name is "enable_multipathd" or "enable_nova_libvirt_container" ? true : BootstrapSettings.Undefined);

        settings.Packages.Should().Equal("git", "iputils-ping", "sg3-utils-udev", "tzdata");
        settings.Removals.Should().Equal("lxd", "lxc", "libvirt-bin", "open-iscsi");
    }

    [Fact]
    public void KollaTarget_IsTheRolesUnit()
    {
        Encoding.UTF8.GetString(BootstrapSettings.KollaTarget).Should().Be(
            "[Unit]\nDescription=Kolla target allowing to start/stop all kolla*@.service instances at once\n\n[Install]\nWantedBy=multi-user.target\n");
    }
}
