using Kolla.Services;

namespace Kolla.Tests.Services;

public sealed class BuiltInCatalogueTests
{
    private static readonly ServiceCatalogue s_catalogue = ServiceCatalogueLoader.LoadBuiltIn();

    /// <summary>Reference B section 3: service, container, service key, inventory group, image repository.</summary>
    public static TheoryData<string, string, string, string, string> CoreContainers => new()
    {
        { "common", "kolla_toolbox", "kolla-toolbox", "kolla_toolbox", "kolla-toolbox" },
        { "common", "cron", "cron", "cron", "cron" },
        { "common", "fluentd", "fluentd", "fluentd", "fluentd" },
        { "loadbalancer", "haproxy", "haproxy", "loadbalancer", "haproxy" },
        { "loadbalancer", "keepalived", "keepalived", "loadbalancer", "keepalived" },
        { "loadbalancer", "proxysql", "proxysql", "loadbalancer", "proxysql" },
        { "mariadb", "mariadb", "mariadb", "mariadb", "mariadb-server" },
        { "memcached", "memcached", "memcached", "memcached", "memcached" },
        { "rabbitmq", "rabbitmq", "rabbitmq", "rabbitmq", "rabbitmq" },
        { "keystone", "keystone", "keystone", "keystone", "keystone" },
        { "keystone", "keystone_fernet", "keystone-fernet", "keystone", "keystone-fernet" },
        { "keystone", "keystone_ssh", "keystone-ssh", "keystone", "keystone-ssh" },
        { "glance", "glance_api", "glance-api", "glance-api", "glance-api" },
        { "placement", "placement_api", "placement-api", "placement-api", "placement-api" },
        { "nova", "nova_api", "nova-api", "nova-api", "nova-api" },
        { "nova", "nova_metadata", "nova-metadata", "nova-metadata", "nova-api" },
        { "nova", "nova_scheduler", "nova-scheduler", "nova-scheduler", "nova-scheduler" },
        { "nova", "nova_super_conductor", "nova-super-conductor", "nova-super-conductor", "nova-conductor" },
        { "nova", "nova_conductor", "nova-conductor", "nova-conductor", "nova-conductor" },
        { "nova", "nova_novncproxy", "nova-novncproxy", "nova-novncproxy", "nova-novncproxy" },
        { "nova", "nova_ssh", "nova-ssh", "compute", "nova-ssh" },
        { "nova", "nova_libvirt", "nova-libvirt", "compute", "nova-libvirt" },
        { "nova", "nova_compute", "nova-compute", "compute", "nova-compute" },
        { "neutron", "neutron_server", "neutron-server", "neutron-server", "neutron-server" },
        { "neutron", "neutron_rpc_server", "neutron-rpc-server", "neutron-rpc-server", "neutron-server" },
        { "neutron", "neutron_periodic_worker", "neutron-periodic-worker", "neutron-periodic-worker", "neutron-server" },
        { "neutron", "neutron_openvswitch_agent", "neutron-openvswitch-agent", "openvswitch", "neutron-openvswitch-agent" },
        { "neutron", "neutron_dhcp_agent", "neutron-dhcp-agent", "neutron-dhcp-agent", "neutron-dhcp-agent" },
        { "neutron", "neutron_l3_agent", "neutron-l3-agent", "neutron-l3-agent", "neutron-l3-agent" },
        { "neutron", "neutron_metadata_agent", "neutron-metadata-agent", "neutron-metadata-agent", "neutron-metadata-agent" },
        { "openvswitch", "openvswitch_db", "openvswitch-db-server", "openvswitch", "openvswitch-db-server" },
        { "openvswitch", "openvswitch_vswitchd", "openvswitch-vswitchd", "openvswitch", "openvswitch-vswitchd" },
        { "horizon", "horizon", "horizon", "horizon", "horizon" },
    };

    [Fact]
    public void Built_InCatalogueHoldsEveryCoreService()
    {
        s_catalogue.Services.Select(s => s.Name).Should().BeEquivalentTo(
            "common", "loadbalancer", "mariadb", "rabbitmq", "memcached", "keystone", "glance", "placement", "nova", "neutron", "openvswitch", "horizon");
    }

    [Theory]
    [MemberData(nameof(CoreContainers))]
    public void Core_ContainerHasKollaNameGroupAndImage(string service, string containerName, string key, string group, string repository)
    {
        var definition = s_catalogue.Find(service);
        definition.Should().NotBeNull();
        var container = definition!.Containers.SingleOrDefault(c => c.ContainerName == containerName);
        container.Should().NotBeNull($"{service} should define {containerName}");
        container!.Key.Should().Be(key);
        container.Group.Should().Be(group);
        ImageExpressions.Repository(ImageExpressions.Resolve(container.Image, definition, s_catalogue)).Should().Be(repository);
    }

    [Fact]
    public void Every_ContainerOfTheCatalogueIsInTheReferenceTable()
    {
        var expected = CoreContainers.Select(row => row.Data.Item2).ToHashSet(StringComparer.Ordinal);
        s_catalogue.Services.SelectMany(s => s.Containers).Select(c => c.ContainerName).Should().BeSubsetOf(expected);
    }

    [Fact]
    public void Service_KeysAreHyphenatedContainerNames()
    {
        foreach (var container in s_catalogue.Services.SelectMany(s => s.Containers).Where(c => c.ContainerName != "openvswitch_db"))
        {
            container.Key.Should().Be(container.ContainerName.Replace('_', '-'));
        }
    }

    [Fact]
    public void Deploy_OrderPutsTheDatabaseBeforeKeystoneBeforeNova()
    {
        var order = s_catalogue.Services.Select(s => s.Name).ToList();
        order.IndexOf("mariadb").Should().BeLessThan(order.IndexOf("keystone"));
        order.IndexOf("loadbalancer").Should().BeLessThan(order.IndexOf("keystone"));
        order.IndexOf("keystone").Should().BeLessThan(order.IndexOf("glance"));
        order.IndexOf("keystone").Should().BeLessThan(order.IndexOf("nova"));
        order.IndexOf("placement").Should().BeLessThan(order.IndexOf("nova"));
        order.IndexOf("openvswitch").Should().BeLessThan(order.IndexOf("neutron"));
    }

    [Fact]
    public void Every_ServiceItWaitsForComesFirst()
    {
        var order = s_catalogue.Services.Select(s => s.Name).ToList();
        foreach (var service in s_catalogue.Services)
        {
            foreach (var dependency in service.After)
            {
                order.IndexOf(dependency).Should().BeLessThan(order.IndexOf(service.Name), $"{service.Name} comes after {dependency}");
            }
        }
    }

    [Fact]
    public void Clustered_ServicesRestartOneHostAtATimeAndLibvirtNeverForConfig()
    {
        s_catalogue.Find("mariadb")!.Restart.Should().Be(RestartStrategy.Serial);
        s_catalogue.Find("rabbitmq")!.Restart.Should().Be(RestartStrategy.Serial);
        var nova = s_catalogue.Find("nova")!;
        nova.Restart.Should().Be(RestartStrategy.Parallel);
        nova.Containers.Single(c => c.Key == "nova-libvirt").Restart.Should().Be(RestartStrategy.SpecChangeOnly);
        nova.Containers.Where(c => c.Key != "nova-libvirt").Should().OnlyContain(c => c.Restart == null);
    }

    [Theory]
    [InlineData("nova-api", false)]
    [InlineData("nova-metadata", false)]
    [InlineData("nova-scheduler", false)]
    [InlineData("nova-super-conductor", false)]
    [InlineData("nova-conductor", true)]
    [InlineData("nova-novncproxy", true)]
    [InlineData("nova-compute", true)]
    public void Nova_conf_reads_the_api_or_cell_override_list(string key, bool cell)
    {
        var file = NovaConf(key);
        var expected = new List<string>
        {
            "global.conf", "nova.conf", "nova/{{ service_name }}.conf", "nova/{{ inventory_hostname }}/nova.conf",
        };
        if (cell)
        {
            expected.Add("nova/{{ inventory_hostname }}/{{ service_name }}.conf");
        }

        file.Merge.Should().Be(FileMergeKind.Ini);
        file.TemplateLast.Should().BeFalse();
        file.Overrides.Should().Equal(expected);
    }

    [Fact]
    public void Glance_ApiConfReadsTheServiceFileNameAtHostLevel()
    {
        var file = s_catalogue.Find("glance")!.Containers.Single(c => c.Key == "glance-api").Files.Single(f => f.Dest == "glance-api.conf");

        file.Merge.Should().Be(FileMergeKind.Ini);
        file.Overrides.Should().Equal("global.conf", "glance.conf", "glance/glance-api.conf", "glance/{{ inventory_hostname }}/glance-api.conf");
    }

    [Fact]
    public void Nova_SshAndLibvirtGetNoNovaConf()
    {
        var nova = s_catalogue.Find("nova")!;
        foreach (var key in new[] { "nova-ssh", "nova-libvirt" })
        {
            nova.Containers.Single(c => c.Key == key).Files.Should().NotContain(f => f.Dest == "nova.conf");
        }
    }

    [Fact]
    public void Libvirt_ConfigurationIsFirstFoundWithTheTemplateLast()
    {
        var libvirt = s_catalogue.Find("nova")!.Containers.Single(c => c.Key == "nova-libvirt");
        foreach (var name in new[] { "libvirtd.conf", "qemu.conf" })
        {
            var file = libvirt.Files.Single(f => f.Dest == name);
            file.Merge.Should().Be(FileMergeKind.FirstFound);
            file.Template.Should().Be(name + ".j2");
            file.Overrides.Should().Equal($"nova/{{{{ inventory_hostname }}}}/{name}.j2", $"nova/{name}.j2");
        }
    }

    [Fact]
    public void Neutron_AgentIniFilesReadNoGlobalConf()
    {
        var neutron = s_catalogue.Find("neutron")!;
        var agentFiles = neutron.Containers.SelectMany(c => c.Files).Where(f => f.Dest.EndsWith(".ini", StringComparison.Ordinal) && !f.Dest.Contains("uwsgi", StringComparison.Ordinal)).ToList();
        agentFiles.Select(f => f.Dest).Distinct().Should().BeEquivalentTo("ml2_conf.ini", "openvswitch_agent.ini", "dhcp_agent.ini", "l3_agent.ini", "metadata_agent.ini");
        foreach (var file in agentFiles)
        {
            file.Overrides.Should().NotContain("global.conf");
            file.Overrides[0].Should().Be($"neutron/{file.Dest}");
        }

        agentFiles.First(f => f.Dest == "metadata_agent.ini").Overrides.Should().Equal("neutron/metadata_agent.ini");
        agentFiles.First(f => f.Dest == "l3_agent.ini").Overrides.Should().Equal("neutron/l3_agent.ini", "neutron/{{ inventory_hostname }}/l3_agent.ini");
        foreach (var container in neutron.Containers)
        {
            container.Files.Single(f => f.Dest == "neutron.conf").Overrides.Should().Equal(
                "global.conf", "neutron.conf", "neutron/{{ service_name }}.conf", "neutron/{{ inventory_hostname }}/neutron.conf");
        }
    }

    [Fact]
    public void Openvswitch_AgentRunsOnComputeAndNetworkAgentHosts()
    {
        var agent = s_catalogue.Find("neutron")!.Containers.Single(c => c.Key == "neutron-openvswitch-agent");
        agent.HostInGroups.Should().NotBeNull();
        foreach (var group in new[] { "compute", "neutron-dhcp-agent", "neutron-l3-agent", "neutron-metadata-agent" })
        {
            agent.HostInGroups.Should().Contain($"groups['{group}']");
        }

        agent.Privileged.Should().Be("true");
    }

    [Fact]
    public void Keystone_BootstrapsDatabaseFernetKeysAndAdmin()
    {
        var keystone = s_catalogue.Find("keystone")!;
        keystone.Bootstrap.Select(b => b.Name).Should().Equal("keystone_database", "bootstrap_keystone", "bootstrap_keystone_fernet", "keystone_fernet_push", "bootstrap_keystone_admin");
        keystone.Bootstrap.Should().OnlyContain(b => b.RunOnce);
        var sync = keystone.Bootstrap.Single(b => b.Name == "bootstrap_keystone");
        sync.Environment.Should().ContainSingle(e => e.Key == "KOLLA_BOOTSTRAP" && e.Value == null);
        sync.Command.Should().BeNull();
        keystone.Bootstrap.Single(b => b.Name == "bootstrap_keystone_fernet").Container.Should().Be("keystone-fernet");
        keystone.Bootstrap.Single(b => b.Name == "bootstrap_keystone_fernet").Command.Should().Contain("fernet_setup");
        var admin = keystone.Bootstrap.Single(b => b.Name == "bootstrap_keystone_admin");
        admin.Command.Should().Contain("keystone-manage").And.Contain("bootstrap");
        admin.Environment.Should().Contain(KeyValuePair.Create("OS_BOOTSTRAP_PASSWORD", (string?)"{{ keystone_admin_password }}"));
    }

    [Fact]
    public void Keystone_ConfGoesToKeystoneAndFernetOnly()
    {
        var keystone = s_catalogue.Find("keystone")!;
        keystone.Containers.Where(c => c.Files.Any(f => f.Dest == "keystone.conf")).Select(c => c.Key)
            .Should().BeEquivalentTo("keystone", "keystone-fernet");
    }

    [Fact]
    public void Every_OpenstackServiceCreatesItsDatabaseBeforeSyncingIt()
    {
        foreach (var name in new[] { "keystone", "glance", "placement", "nova", "neutron" })
        {
            var jobs = s_catalogue.Find(name)!.Bootstrap;
            var create = jobs.ToList().FindIndex(j => j.Command == "{{ service_database_bootstrap_command }}");
            var sync = jobs.ToList().FindIndex(j => j.Environment.Any(e => e.Key is "KOLLA_BOOTSTRAP" or "KOLLA_UPGRADE"));
            create.Should().BeGreaterThanOrEqualTo(0, $"{name} creates its database");
            sync.Should().BeGreaterThan(create, $"{name} syncs after creating");
        }
    }

    [Fact]
    public void Mariadb_GaleraAndHealthcheckFilesUseKollaOverridePaths()
    {
        var mariadb = s_catalogue.Find("mariadb")!.Containers.Single();
        mariadb.Files.Single(f => f.Dest == "galera.cnf").Overrides.Should().Equal("galera.cnf", "mariadb/{{ inventory_hostname }}/galera.cnf");
        mariadb.Volumes.Should().Contain("{{ mariadb_datadir_volume }}:/var/lib/mysql");
        var bootstrap = s_catalogue.Find("mariadb")!.Bootstrap.Single();
        bootstrap.Environment.Should().Contain(KeyValuePair.Create("DB_ROOT_PASSWORD", (string?)"{{ database_password }}"));
    }

    [Fact]
    public void Rabbitmq_GetsTheClusterCookieThroughTheEnvironment()
    {
        var rabbitmq = s_catalogue.Find("rabbitmq")!.Containers.Single();
        rabbitmq.Environment.Should().Contain(KeyValuePair.Create("RABBITMQ_CLUSTER_COOKIE", (string?)"{{ rabbitmq_cluster_cookie }}"));
        rabbitmq.Files.Select(f => f.Dest).Should().Contain(["rabbitmq.conf", "rabbitmq-env.conf", "definitions.json", "advanced.config", "enabled_plugins", "erl_inetrc"]);
        s_catalogue.Find("rabbitmq")!.Templates["definitions.json.j2"].Should().Contain("{{ rabbitmq_password }}");
    }

    [Fact]
    public void Horizon_PassesPluginSwitchesAsEnvironment()
    {
        var horizon = s_catalogue.Find("horizon")!.Containers.Single();
        horizon.Environment.Select(e => e.Key).Should().Contain(["ENABLE_HEAT", "ENABLE_OCTAVIA", "ENABLE_DESIGNATE"]);
        horizon.Environment.Where(e => e.Key.StartsWith("ENABLE_", StringComparison.Ordinal))
            .Should().OnlyContain(e => e.Value!.Contains("'yes' if", StringComparison.Ordinal));
    }

    [Fact]
    public void Haproxy_HasAListenerPerCoreApiEachOnlyWhenEnabled()
    {
        var haproxy = s_catalogue.Find("loadbalancer")!.Containers.Single(c => c.Key == "haproxy");
        var expected = new Dictionary<string, string>
        {
            ["services.d/keystone.cfg"] = "enable_keystone",
            ["services.d/glance-api.cfg"] = "enable_glance",
            ["services.d/placement-api.cfg"] = "enable_placement",
            ["services.d/nova-api.cfg"] = "enable_nova",
            ["services.d/nova-metadata.cfg"] = "enable_nova",
            ["services.d/nova-novncproxy.cfg"] = "enable_nova",
            ["services.d/neutron-server.cfg"] = "enable_neutron",
            ["services.d/horizon.cfg"] = "enable_horizon",
            ["services.d/mariadb.cfg"] = "enable_mariadb",
        };
        foreach (var (dest, flag) in expected)
        {
            var file = haproxy.Files.Single(f => f.Dest == dest);
            file.When.Should().Contain(flag);
            var template = s_catalogue.Find("loadbalancer")!.Templates[file.Template!];
            template.Should().Contain("'api' | kolla_address(host)");
        }

        var ports = new Dictionary<string, string>
        {
            ["services.d/keystone.cfg"] = "keystone_internal_port",
            ["services.d/glance-api.cfg"] = "glance_api_port",
            ["services.d/placement-api.cfg"] = "placement_api_port",
            ["services.d/nova-api.cfg"] = "nova_api_port",
            ["services.d/nova-metadata.cfg"] = "nova_metadata_port",
            ["services.d/nova-novncproxy.cfg"] = "nova_novncproxy_port",
            ["services.d/neutron-server.cfg"] = "neutron_server_port",
            ["services.d/horizon.cfg"] = "horizon_port",
            ["services.d/mariadb.cfg"] = "database_port",
        };
        foreach (var (dest, port) in ports)
        {
            var template = s_catalogue.Find("loadbalancer")!.Templates[dest + ".j2"];
            template.Should().Contain($"'port': {port}");
            template.Should().Contain("bind {{ kolla_external_vip_address if external else kolla_internal_vip_address }}:{{ svc.port }}");
        }

        s_catalogue.CommonDefaults["keystone_internal_port"].Should().Be("5000");
        s_catalogue.CommonDefaults["glance_api_port"].Should().Be("9292");
        s_catalogue.CommonDefaults["placement_api_port"].Should().Be("8780");
        s_catalogue.CommonDefaults["nova_api_port"].Should().Be("8774");
        s_catalogue.CommonDefaults["nova_metadata_port"].Should().Be("8775");
        s_catalogue.CommonDefaults["nova_novncproxy_port"].Should().Be("6080");
        s_catalogue.CommonDefaults["neutron_server_port"].Should().Be("9696");
        s_catalogue.CommonDefaults["horizon_port"].Should().Be("80");
        s_catalogue.CommonDefaults["database_port"].Should().Be("3306");
    }

    [Fact]
    public void Keepalived_DefaultsToRouter51OnTheApiInterface()
    {
        var loadbalancer = s_catalogue.Find("loadbalancer")!;
        loadbalancer.Defaults["keepalived_virtual_router_id"].Should().Be("51");
        var template = loadbalancer.Templates["keepalived.conf.j2"];
        template.Should().Contain("{{ kolla_internal_vip_address }} dev {{ api_interface }}");
        template.Should().Contain("priority {{ loop.index }}");
        loadbalancer.Containers.Single(c => c.Key == "keepalived").Enabled.Should().Contain("enable_keepalived");
        loadbalancer.Containers.Single(c => c.Key == "haproxy").Enabled.Should().Contain("enable_loadbalancer");
    }

    [Fact]
    public void Haproxy_SnippetsShareOneFrontendAndBackendLoop()
    {
        var loadbalancer = s_catalogue.Find("loadbalancer")!;
        var bodies = loadbalancer.Templates
            .Where(t => t.Key.StartsWith("services.d/", StringComparison.Ordinal))
            .Select(t => t.Value[t.Value.IndexOf("{% for svc in haproxy_services %}", StringComparison.Ordinal)..])
            .ToList();

        bodies.Should().HaveCountGreaterThan(5);
        bodies.Distinct(StringComparer.Ordinal).Should().ContainSingle("every services.d template renders its entries with the same loop");
    }

    [Fact]
    public void Proxysql_FrontsMariadbByDefaultWithUsersAndRulesPerService()
    {
        var loadbalancer = s_catalogue.Find("loadbalancer")!;
        var proxysql = loadbalancer.Containers.Single(c => c.Key == "proxysql");
        s_catalogue.CommonDefaults["enable_proxysql"].Should().Be("{{ enable_mariadb | bool }}");
        proxysql.Enabled.Should().Contain("enable_proxysql");
        foreach (var project in new[] { "keystone", "glance", "placement", "nova", "nova-cell", "neutron", "horizon" })
        {
            proxysql.Files.Select(f => f.Dest).Should().Contain([$"users/{project}.yaml", $"rules/{project}.yaml"]);
        }

        proxysql.Files.Select(f => f.Dest).Should().Contain("users/mariadb.yaml").And.NotContain("rules/mariadb.yaml");
        loadbalancer.Containers.Single(c => c.Key == "haproxy").Files.Single(f => f.Dest == "services.d/mariadb.cfg")
            .When.Should().Contain("not enable_proxysql");
    }

    private static ServiceFileDefinition NovaConf(string key) =>
        s_catalogue.Find("nova")!.Containers.Single(c => c.Key == key).Files.Single(f => f.Dest == "nova.conf");
}
