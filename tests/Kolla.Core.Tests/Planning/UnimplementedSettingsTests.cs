using Kolla.Planning;
using Kolla.Prechecks;
using Kolla.Services;
using Kolla.Variables;

namespace Kolla.Tests.Planning;

/// <summary>UnimplementedSettings over inputs read from files by the real loader, so every location is the one an operator sees.</summary>
public sealed class UnimplementedSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-unimpl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<DeploymentInputs> LoadAsync(string globals, string inventory = "[control]\ncontrol01 ansible_host=10.0.0.11\n", params string[] extraVars)
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "globals.yml"), globals, Token);
        await File.WriteAllTextAsync(Path.Combine(_dir, "passwords.yml"), "{}\n", Token);
        await File.WriteAllTextAsync(Path.Combine(_dir, "inventory"), inventory, Token);
        return await DeploymentInputsLoader.LoadAsync(
            new DeploymentInputsOptions { Inventories = [Path.Combine(_dir, "inventory")], ConfigDirectory = _dir, ExtraVars = extraVars },
            Token);
    }

    [Fact]
    public async Task Find_FlagOfAServiceTheCatalogueLacks_NamesItsGlobalsLine()
    {
        var inputs = await LoadAsync("---\nkolla_internal_vip_address: \"10.0.0.250\"\nenable_cinder: \"yes\"\n");

        var found = UnimplementedSettings.Find(inputs);

        found.Should().ContainSingle().Which.Should().Be(new UnimplementedSetting("enable_cinder", "\"yes\"", "service 'cinder' is not in the catalogue", "globals.yml:3"));
        found[0].ToString().Should().Be("globals.yml:3: enable_cinder: \"yes\" — service 'cinder' is not in the catalogue");
    }

    [Fact]
    public async Task Find_FalseValuesAndSupportedValues_AreNotRefused()
    {
        var inputs = await LoadAsync("""
            enable_cinder: "no"
            enable_heat: false
            kolla_enable_tls_backend: "False"
            kolla_enable_tls_external: "yes"
            kolla_enable_tls_internal: "yes"
            database_enable_tls_internal: "yes"
            kolla_container_engine: docker
            neutron_plugin_agent: "openvswitch"
            nova_compute_virt_type: qemu
            nova_console: none
            enable_proxysql: "off"
            """);

        UnimplementedSettings.Find(inputs).Should().BeEmpty();
    }

    [Fact]
    public async Task Find_FlagsTheCatalogueDefines_AreNotRefused()
    {
        var inputs = await LoadAsync("""
            enable_neutron_dvr: "yes"
            enable_neutron_qos: "yes"
            enable_cells: "yes"
            enable_horizon_heat: "yes"
            enable_haproxy: "yes"
            enable_destroy_images: "yes"
            """);

        UnimplementedSettings.Find(inputs).Should().BeEmpty();
    }

    [Theory]
    [InlineData("enable_neutron_sriov", "the Neutron SR-IOV agent is not implemented")]
    [InlineData("enable_nova_serialconsole_proxy", "the Nova serial console proxy is not implemented")]
    [InlineData("enable_prometheus", "service 'prometheus' is not in the catalogue")]
    [InlineData("enable_ovs_dpdk", "service 'ovs-dpdk' is not in the catalogue")]
    [InlineData("kolla_enable_tls_backend", "TLS between HAProxy and the services (backend TLS) is not implemented")]
    [InlineData("rabbitmq_enable_tls", "TLS for RabbitMQ is not implemented")]
    [InlineData("database_enable_tls_backend", "TLS for the database is not implemented")]
    [InlineData("glance_backend_ceph", "Ceph storage for Glance is not implemented")]
    [InlineData("nova_backend_ceph", "Ceph storage for Nova is not implemented")]
    public async Task Find_TrueValue_IsRefusedWithItsReason(string variable, string reason)
    {
        var inputs = await LoadAsync($"{variable}: yes\n");

        UnimplementedSettings.Find(inputs).Should().ContainSingle()
            .Which.Should().Be(new UnimplementedSetting(variable, "true", reason, "globals.yml:1"));
    }

    [Fact]
    public async Task Find_PodmanEngine_IsAccepted()
    {
        var inputs = await LoadAsync("kolla_container_engine: podman\n");

        UnimplementedSettings.Find(inputs).Should().BeEmpty();
    }

    [Theory]
    [InlineData("kolla_container_engine", "lxc", "only Docker and Podman are implemented")]
    [InlineData("neutron_plugin_agent", "ovn", "only the Open vSwitch agent is implemented")]
    [InlineData("nova_compute_virt_type", "vmware", "only libvirt with kvm or qemu is implemented")]
    [InlineData("nova_console", "spice", "only the noVNC console (or none) is implemented")]
    public async Task Find_UnsupportedValue_IsRefused(string variable, string value, string reason)
    {
        var inputs = await LoadAsync($"{variable}: \"{value}\"\n");

        UnimplementedSettings.Find(inputs).Should().ContainSingle()
            .Which.Should().Be(new UnimplementedSetting(variable, $"\"{value}\"", reason, "globals.yml:1"));
    }

    [Fact]
    public async Task Find_OverlayServiceOfThatName_AcceptsItsFlags()
    {
        var inputs = await LoadAsync("enable_cinder: \"yes\"\nenable_cinder_backup: \"yes\"\nenable_heat: \"yes\"\n");
        inputs = inputs with { Catalogue = inputs.Catalogue.With(new ServiceDefinition { Name = "cinder", Source = "overlay/cinder/service.yml" }) };

        UnimplementedSettings.Find(inputs).Select(s => s.Variable).Should().Equal("enable_heat");
    }

    [Fact]
    public async Task Find_CatalogueVariableDefinesTheFlag_AcceptsIt()
    {
        var inputs = await LoadAsync("enable_cinder: \"yes\"\nenable_neutron_sriov: \"yes\"\n");
        var defaults = new Dictionary<string, object?>(inputs.Catalogue.CommonDefaults) { ["enable_cinder"] = false, ["enable_neutron_sriov"] = false };
        inputs = inputs with { Catalogue = ServiceCatalogue.Create(inputs.Catalogue.Services, defaults) };

        UnimplementedSettings.Find(inputs).Should().BeEmpty();
    }

    [Fact]
    public async Task Find_Template_IsEvaluatedOverTheCatalogueDefaults()
    {
        var inputs = await LoadAsync("""
            enable_cinder: "{{ enable_openstack_core | bool }}"
            enable_heat: "{{ not enable_openstack_core | bool }}"
            kolla_container_engine: "{{ my_engine }}"
            my_engine: lxc
            """,
            "[control]\ncontrol01 ansible_host=10.0.0.11 enable_manila=\"{{ some_undefined_variable }}\"\n");

        UnimplementedSettings.Find(inputs).Select(s => s.ToString()).Should().Equal(
            "globals.yml:1: enable_cinder: \"{{ enable_openstack_core | bool }}\" (= true) — service 'cinder' is not in the catalogue",
            "globals.yml:3: kolla_container_engine: \"{{ my_engine }}\" (= \"lxc\") — only Docker and Podman are implemented",
            $"inventory {Path.Combine(_dir, "inventory")}:2: enable_manila: \"{{{{ some_undefined_variable }}}}\" (= not evaluated here) — service 'manila' is not in the catalogue");
    }

    [Fact]
    public async Task Find_GlobalsD_NamesTheFileThatSetItLast()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "globals.d"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "globals.d", "tls.yml"), "# TLS\n\nkolla_enable_tls_backend: \"yes\"\n", Token);
        var inputs = await LoadAsync("kolla_enable_tls_backend: \"no\"\n");

        UnimplementedSettings.Find(inputs).Should().ContainSingle().Which.Location.Should().Be("globals.d/tls.yml:3");
    }

    [Fact]
    public async Task Find_InventoryAndExtraVars_AreNamedAsSuch()
    {
        var inventory = "[control]\ncontrol01 ansible_host=10.0.0.11 enable_heat=yes\n\n[control:vars]\nneutron_plugin_agent=ovn\n";
        Directory.CreateDirectory(Path.Combine(_dir, "group_vars"));
        Directory.CreateDirectory(Path.Combine(_dir, "host_vars"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "group_vars", "all.yml"), "---\nenable_octavia: true\n", Token);
        await File.WriteAllTextAsync(Path.Combine(_dir, "host_vars", "control01.yml"), "---\n# host\nnova_console: spice\n", Token);

        var inputs = await LoadAsync("enable_cinder: \"no\"\n", inventory, "enable_cinder=yes");

        UnimplementedSettings.Find(inputs).Select(s => s.ToString()).Should().Equal(
            $"inventory {Path.Combine(_dir, "group_vars", "all.yml")}:2: enable_octavia: true — service 'octavia' is not in the catalogue",
            $"inventory {Path.Combine(_dir, "host_vars", "control01.yml")}:3: nova_console: \"spice\" — only the noVNC console (or none) is implemented",
            $"inventory {Path.Combine(_dir, "inventory")}:2: enable_heat: \"yes\" — service 'heat' is not in the catalogue",
            $"inventory {Path.Combine(_dir, "inventory")}:5: neutron_plugin_agent: \"ovn\" — only the Open vSwitch agent is implemented",
            "-e: enable_cinder: \"yes\" — service 'cinder' is not in the catalogue");
    }

    [Fact]
    public async Task Find_YamlInventoryHostVars_NameTheirOwnLine()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir, "hosts.yml"), "all:\n  hosts:\n    control01:\n      ansible_host: 10.0.0.11\n      enable_barbican: yes\n", Token);
        var inputs = await LoadAsync("{}\n", "[control]\n");
        inputs = inputs with { Inventory = await Kolla.Inventory.InventoryLoader.LoadAsync([Path.Combine(_dir, "hosts.yml")], Token) };

        UnimplementedSettings.Find(inputs).Should().ContainSingle().Which.Location.Should().Be($"inventory {Path.Combine(_dir, "hosts.yml")}:5");
    }

    [Fact]
    public async Task Find_FollowsThePlansPrecedence()
    {
        var inputs = await LoadAsync("kolla_container_engine: lxc\n", "[control]\ncontrol01 ansible_host=10.0.0.11 kolla_container_engine=docker\n");

        UnimplementedSettings.Find(inputs, GlobalsPrecedence.BelowInventory).Should().BeEmpty();
        UnimplementedSettings.Find(inputs, GlobalsPrecedence.LikeKollaAnsible).Should().ContainSingle().Which.Location.Should().Be("globals.yml:1");
    }

    [Fact]
    public async Task Find_SameValueForManyHosts_IsReportedOnce()
    {
        var inputs = await LoadAsync("enable_cinder: \"yes\"\n", "[control]\ncontrol0[1:3] ansible_connection=local\n");

        UnimplementedSettings.Find(inputs).Should().ContainSingle();
    }

    [Fact]
    public async Task FindDefaults_HeatUnset_WarnsAsKollaAnsibleWouldDeployIt()
    {
        var inputs = await LoadAsync("kolla_internal_vip_address: \"10.0.0.250\"\n");

        var warnings = UnimplementedSettings.FindDefaults(inputs);

        UnimplementedSettings.Find(inputs).Should().BeEmpty();
        warnings.Select(w => w.ToString()).Should().Equal(
            "enable_heat is not set and kolla-ansible's default (enable_openstack_core | bool) makes it true — service 'heat' is not in the catalogue; set enable_heat: \"no\" to silence this");
        warnings.Should().OnlyContain(w => w.IsDefault);
    }

    [Fact]
    public async Task FindDefaults_FlagsSetToNo_AreSilent()
    {
        var inputs = await LoadAsync("enable_heat: \"no\"\nenable_proxysql: \"no\"\n");

        UnimplementedSettings.FindDefaults(inputs).Should().BeEmpty();
    }

    [Fact]
    public async Task FindDefaults_FollowTheOperatorsOtherValues()
    {
        var inputs = await LoadAsync("enable_openstack_core: \"no\"\nenable_mariadb: \"no\"\n");

        UnimplementedSettings.FindDefaults(inputs).Should().BeEmpty();
    }

    [Fact]
    public async Task ThrowIfAny_ListsEverySettingInOneMessage()
    {
        var inputs = await LoadAsync("enable_cinder: \"yes\"\nkolla_container_engine: lxc\n");

        var act = () => UnimplementedSettings.ThrowIfAny(UnimplementedSettings.Find(inputs), "use --allow-unimplemented to continue anyway");

        act.Should().Throw<UnimplementedSettingsException>()
            .Which.Should().Match<UnimplementedSettingsException>(e => e.Settings.Count == 2)
            .And.Subject.As<Exception>().Message.Should().Be(
                "settings this deployment asks for are not implemented (use --allow-unimplemented to continue anyway):\n"
                + "  globals.yml:1: enable_cinder: \"yes\" — service 'cinder' is not in the catalogue\n"
                + "  globals.yml:2: kolla_container_engine: \"lxc\" — only Docker and Podman are implemented");
    }

    [Fact]
    public async Task ThrowIfAny_NothingSetOrOnlyDefaults_DoesNotThrow()
    {
        var inputs = await LoadAsync("kolla_internal_vip_address: \"10.0.0.250\"\n");

        var act = () =>
        {
            UnimplementedSettings.ThrowIfAny(inputs);
            UnimplementedSettings.ThrowIfAny(UnimplementedSettings.FindDefaults(inputs));
        };

        act.Should().NotThrow();
    }

    [Fact]
    public async Task Prechecks_CheckInputs_FailsEachSetting_OrWarnsWhenAllowed()
    {
        var inputs = await LoadAsync("kolla_internal_vip_address: \"10.0.0.250\"\nenable_heat: \"no\"\nenable_proxysql: \"no\"\nenable_cinder: \"yes\"\n");

        var failed = PrecheckRunner.CheckInputs(inputs).Results.Where(r => r.Check == "unimplemented").ToList();
        var allowed = PrecheckRunner.CheckInputs(inputs, options: new PrecheckOptions { AllowUnimplemented = true }).Results.Where(r => r.Check == "unimplemented").ToList();

        failed.Should().ContainSingle().Which.Should().Be(new PrecheckResult("unimplemented", PrecheckStatus.Failed, "globals.yml:4: enable_cinder: \"yes\" — service 'cinder' is not in the catalogue"));
        allowed.Should().ContainSingle().Which.Status.Should().Be(PrecheckStatus.Warning);
    }

    [Fact]
    public async Task Prechecks_CheckInputs_NothingUnimplemented_Passes()
    {
        var inputs = await LoadAsync("kolla_internal_vip_address: \"10.0.0.250\"\nenable_heat: \"no\"\nenable_proxysql: \"no\"\n");

        PrecheckRunner.CheckInputs(inputs).Results.Should().ContainSingle(r => r.Check == "unimplemented")
            .Which.Status.Should().Be(PrecheckStatus.Passed);
    }
}
