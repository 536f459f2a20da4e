using Kolla.Compat;
using Kolla.Globals;
using Kolla.Templates;
using Kolla.TestKit;
using Kolla.Variables;

namespace Kolla.Tests.Globals;

public class KollaGlobalsTests
{
    private static string Text(KollaGlobals globals, string key) =>
        new TemplateRenderer().ResolveVariable(globals.ToScope(), key) is { } value ? PyText.Str(value) : string.Empty;

    [Fact]
    public void Defaults_MatchKollaAnsible()
    {
        var g = KollaGlobals.FromDefaults();

        Text(g, "kolla_base_distro").Should().Be("rocky");
        Text(g, "kolla_base_distro_version").Should().Be("10");
        Text(g, "openstack_release").Should().Be("master");
        Text(g, "openstack_tag").Should().Be("master-rocky-10");
        Text(g, "docker_registry").Should().Be("quay.io");
        Text(g, "docker_namespace").Should().Be("openstack.kolla");
        Text(g, "docker_image_name_prefix").Should().BeEmpty();
        Text(g, "network_interface").Should().Be("eth0");
        Text(g, "api_interface").Should().Be("eth0");
        Text(g, "tunnel_interface").Should().Be("eth0");
        Text(g, "neutron_external_interface").Should().Be("eth1");
        Text(g, "node_config").Should().Be("/etc/kolla");
        Text(g, "node_config_directory").Should().Be("/etc/kolla");
        Text(g, "node_custom_config").Should().Be("/etc/kolla/config");
        Text(g, "container_config_directory").Should().Be("/var/lib/kolla/config_files");
        Text(g, "config_strategy").Should().Be("COPY_ALWAYS");
        Text(g, "docker_restart_policy").Should().Be("unless-stopped");
        Text(g, "docker_restart_policy_retry").Should().Be("10");
        Text(g, "docker_graceful_timeout").Should().Be("60");
        Text(g, "docker_client_timeout").Should().Be("120");
        Text(g, "kolla_internal_vip_address").Should().BeEmpty();
    }

    [Theory]
    [InlineData("keystone", true)]
    [InlineData("glance", true)]
    [InlineData("nova", true)]
    [InlineData("neutron", true)]
    [InlineData("heat", true)]
    [InlineData("horizon", true)]
    [InlineData("placement", true)]
    [InlineData("mariadb", true)]
    [InlineData("proxysql", true)]
    [InlineData("memcached", true)]
    [InlineData("rabbitmq", true)]
    [InlineData("haproxy", true)]
    [InlineData("keepalived", true)]
    [InlineData("loadbalancer", true)]
    [InlineData("fluentd", true)]
    [InlineData("openvswitch", true)]
    [InlineData("ovn", false)]
    [InlineData("nova-libvirt-container", true)]
    [InlineData("nova_ssh", true)]
    [InlineData("cinder", false)]
    [InlineData("cells", false)]
    [InlineData("central_logging", false)]
    [InlineData("opensearch", false)]
    public void Core_enable_flags_have_kolla_ansible_defaults(string service, bool expected)
    {
        KollaGlobals.FromDefaults().IsEnabled(service).Should().Be(expected);
    }

    [Fact]
    public void Derived_FlagsFollowWhatGlobalsSet()
    {
        var g = KollaGlobals.Parse("""
            enable_openstack_core: no
            enable_haproxy: "false"
            enable_nova: True
            neutron_plugin_agent: ovn
            enable_neutron: 'yes'
            nova_compute_virt_type: vmware
            om_rpc_transport: kafka
            om_notify_transport: kafka
            """);

        g.IsEnabled("keystone").Should().BeFalse();
        g.IsEnabled("nova").Should().BeTrue();
        g.IsEnabled("placement").Should().BeTrue();
        g.IsEnabled("keepalived").Should().BeFalse();
        g.IsEnabled("loadbalancer").Should().BeTrue("proxysql is still on");
        g.IsEnabled("ovn").Should().BeTrue();
        g.IsEnabled("openvswitch").Should().BeTrue();
        g.IsEnabled("nova_libvirt_container").Should().BeFalse();
        g.IsEnabled("rabbitmq").Should().BeFalse();
        g.IsEnabled("cron", whenUnknown: true).Should().BeTrue();
    }

    [Fact]
    public async Task Kolla_AnsiblesExampleGlobalsLoadsUnchanged()
    {
        var g = await KollaGlobals.LoadAsync(Path.Combine(RepositoryPaths.KollaAnsibleInputs, "globals.yml"), cancellationToken: TestContext.Current.CancellationToken);

        g.Values.Should().ContainKey("workaround_ansible_issue_8743").WhoseValue.Should().Be(true);
        Text(g, "openstack_tag").Should().Be("master-rocky-10");
        g.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Values_AreTypedAndUnknownKeysKept()
    {
        var g = KollaGlobals.Parse("""
            kolla_base_distro: ubuntu
            openstack_release: 2025.10
            openstack_tag_suffix: -aarch64
            kolla_internal_vip_address: 10.0.0.250
            kolla_external_fqdn: cloud.example.com
            network_interface: ens3
            tunnel_interface: ens4
            docker_registry:
            docker_graceful_timeout: "90"
            my_operator_key: [1, 2]
            """, "globals.yml", configDirectory: "/srv/kolla");

        g.Values["openstack_release"].Should().Be("2025.10", "a number where text is expected keeps its spelling");
        Text(g, "openstack_tag").Should().Be("2025.10-ubuntu-noble-aarch64");
        Text(g, "api_interface").Should().Be("ens3");
        Text(g, "tunnel_interface").Should().Be("ens4");
        Text(g, "kolla_internal_fqdn").Should().Be("10.0.0.250");
        Text(g, "kolla_external_vip_address").Should().Be("10.0.0.250");
        Text(g, "kolla_external_fqdn").Should().Be("cloud.example.com");
        Text(g, "docker_registry").Should().BeEmpty();
        Text(g, "docker_graceful_timeout").Should().Be("90");
        Text(g, "node_config").Should().Be("/srv/kolla");
        Text(g, "node_custom_config").Should().Be("/srv/kolla/config");
        g.Values["my_operator_key"].Should().BeEquivalentTo(new List<object?> { 1L, 2L });
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("'yes'", true)]
    [InlineData("\"True\"", true)]
    [InlineData("true", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData("'y'", true)]
    [InlineData("no", false)]
    [InlineData("\"False\"", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    [InlineData("'n'", false)]
    [InlineData("\"{{ 'yes' | bool }}\"", true)]
    public void Ansible_style_booleans_are_accepted_for_flags(string spelled, bool expected)
    {
        KollaGlobals.Parse($"enable_cinder: {spelled}\n").IsEnabled("cinder").Should().Be(expected);
    }

    [Theory]
    [InlineData("a: 1\nenable_cinder: maybe\n", 2, "enable_cinder", "'enable_cinder' must be a boolean (yes/no, true/false, on/off, 1/0), got 'maybe'")]
    [InlineData("enable_nova: [yes]\n", 1, "enable_nova", "'enable_nova' must be a boolean (yes/no, true/false, on/off, 1/0), got a list")]
    [InlineData("\n\ndocker_client_timeout: soon\n", 3, "docker_client_timeout", "'docker_client_timeout' must be a whole number, got 'soon'")]
    [InlineData("network_interface:\n  name: eth0\n", 1, "network_interface", "'network_interface' must be a single value (text or number), got a mapping")]
    [InlineData("kolla_base_distro_version_default_map: rocky\n", 1, "kolla_base_distro_version_default_map", "'kolla_base_distro_version_default_map' must be a mapping, got 'rocky'")]
    [InlineData("x: 1\nenable_nova: \"{{ nope | bool }}\"\n", 2, "enable_nova", "cannot evaluate 'enable_nova': undefined variable 'nope' (in the value of 'enable_nova')")]
    [InlineData("x: 1\nkolla_base_distro: centos\n", 2, "kolla_base_distro_version", "cannot evaluate 'kolla_base_distro_version': undefined variable 'kolla_base_distro_version_default_map['centos']': needed by the value of 'kolla_base_distro_version'")]
    [InlineData("kolla_base_distro: centos\nkolla_base_distro_version: 9\n", 1, "kolla_base_distro", "'kolla_base_distro' must be one of rocky, debian, ubuntu, got 'centos'")]
    [InlineData("x: 1\nconfig_strategy: SOMETIMES\n", 2, "config_strategy", "'config_strategy' must be one of COPY_ALWAYS, COPY_ONCE, got 'SOMETIMES'")]
    [InlineData("docker_restart_policy: sometimes\n", 1, "docker_restart_policy", "'docker_restart_policy' must be one of no, on-failure, always, unless-stopped, oneshot, got 'sometimes'")]
    [InlineData("x: 1\nopenstack_release: \"2025 1\"\n", 2, "openstack_tag", "'openstack_tag' must be a valid image tag, got '2025 1-rocky-10'")]
    [InlineData("docker_client_timeout: 0\n", 1, "docker_client_timeout", "'docker_client_timeout' must be at least 1, got 0")]
    [InlineData("docker_restart_policy_retry: -1\n", 1, "docker_restart_policy_retry", "'docker_restart_policy_retry' must be at least 0, got -1")]
    public void Wrong_types_and_values_for_known_keys_name_key_file_and_line(string yaml, int line, string key, string reason)
    {
        var act = () => KollaGlobals.Parse(yaml, "/etc/kolla/globals.yml");

        var error = act.Should().Throw<GlobalsException>().Which;
        error.Line.Should().Be(line);
        error.Key.Should().Be(key);
        error.Reason.Should().Be(reason);
        error.Message.Should().Be($"/etc/kolla/globals.yml:{line}: {reason}");
    }

    [Fact]
    public void Yaml_ErrorsAndNonMappingsAreReportedWithFileAndLine()
    {
        var broken = () => KollaGlobals.Parse("a: 1\nb: 'unterminated\n", "g.yml");
        var list = () => KollaGlobals.Parse("- a\n- b\n", "g.yml");

        broken.Should().Throw<GlobalsException>().Which.Message.Should().StartWith("g.yml:").And.Contain("invalid YAML");
        list.Should().Throw<GlobalsException>().Which.Message.Should().Be("g.yml:1: globals must be a mapping of variable names to values");
    }

    [Fact]
    public async Task Missing_FileIsOneClearError()
    {
        var act = () => KollaGlobals.LoadAsync("/nonexistent/globals.yml", cancellationToken: TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<GlobalsException>()).Which.Message.Should().StartWith("/nonexistent/globals.yml: cannot read the file:");
    }

    [Fact]
    public void Duplicate_KeysWarnAndTheLastWins()
    {
        var g = KollaGlobals.Parse("network_interface: eth0\nnetwork_interface: eth5\n", "g.yml");

        g.Values["network_interface"].Should().Be("eth5");
        g.Warnings.Should().Equal("g.yml:2: duplicate key 'network_interface'; the last value is used");
    }

    [Fact]
    public void Variables_CarryTheConfigDirectoryIntoAHostContext()
    {
        var globals = KollaGlobals.Parse("network_interface: ens5\n", "g.yml", configDirectory: "/srv/kolla");
        var host = new VariableContextBuilder()
            .AddDefaults(KollaGlobals.Defaults)
            .WithGlobals(globals.Variables)
            .WithInventory(new InventoryInput([new("h1", new Dictionary<string, object?>(), new Dictionary<string, object?> { ["api_interface"] = "ens6" })], new Dictionary<string, IReadOnlyList<string>>()))
            .Build()
            .ForHost("h1");
        var renderer = new TemplateRenderer();

        renderer.ResolveVariable(host, "node_custom_config").Should().Be("/srv/kolla/config");
        renderer.ResolveVariable(host, "tunnel_interface").Should().Be("ens5");
        renderer.ResolveVariable(host, "api_interface").Should().Be("ens6");
        renderer.ResolveVariable(host, "enable_placement").Should().Be(true);
    }
}
