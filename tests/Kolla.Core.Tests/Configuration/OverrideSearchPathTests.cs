using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>The override search paths of KOLLA-REFERENCE-A 3.2, checked against kolla-ansible's config tasks.</summary>
public sealed class OverrideSearchPathTests
{
    private static string[] Steps(OverrideLookup lookup) => lookup.Steps.Select(s => s.ToString()).ToArray();

    [Fact]
    public void For_NovaApi_IsTheStandardFiveSteps()
    {
        var lookup = OverrideSearchPath.For("nova", "nova-api", "control01", "nova.conf");

        Steps(lookup).Should().Equal("<role templates>/nova.conf.j2", "global.conf", "nova.conf", "nova/nova-api.conf", "nova/control01/nova.conf");
        lookup.Mode.Should().Be(OverrideMode.Merge);
        lookup.Format.Should().Be(ConfigFileFormat.Ini);
    }

    [Fact]
    public void For_NovaComputeOnCompute01_AddsTheHostServiceStep()
    {
        var lookup = OverrideSearchPath.For("nova", "nova-compute", "compute01", "nova.conf");

        lookup.CustomPaths.Should().Equal("global.conf", "nova.conf", "nova/nova-compute.conf", "nova/compute01/nova.conf", "nova/compute01/nova-compute.conf");
    }

    [Theory]
    [InlineData("nova-api-bootstrap", "nova/nova-api.conf")]
    [InlineData("nova-cell-bootstrap", "nova/nova-conductor.conf")]
    public void For_NovaBootstrapContainers_BorrowAnotherServicesFile(string service, string step4)
    {
        OverrideSearchPath.For("nova", service, "h", "nova.conf").CustomPaths.Should().Equal("global.conf", "nova.conf", step4, "nova/h/nova.conf");
    }

    [Fact]
    public void For_DatabaseAndMessagingConf_AreNotRead()
    {
        var lookup = OverrideSearchPath.For("cinder", "cinder-volume", "h", "cinder.conf");

        lookup.CustomPaths.Should().NotContain(["database.conf", "messaging.conf"]);
        lookup.CustomPaths.Should().Equal("global.conf", "cinder.conf", "cinder/cinder-volume.conf", "cinder/h/cinder.conf");
    }

    [Theory]
    [InlineData("ml2_conf.ini")]
    [InlineData("openvswitch_agent.ini")]
    [InlineData("l3_agent.ini")]
    public void For_NeutronAgentFilesWithHostStep_SkipGlobalConf(string file)
    {
        Steps(OverrideSearchPath.For("neutron", "neutron-l3-agent", "net01", file))
            .Should().Equal($"<role templates>/{file}.j2", $"neutron/{file}", $"neutron/net01/{file}");
    }

    [Theory]
    [InlineData("metadata_agent.ini")]
    [InlineData("ovn_agent.ini")]
    public void For_NeutronAgentFilesWithoutHostStep_ReadOnlyTheProjectFile(string file)
    {
        OverrideSearchPath.For("neutron", "neutron-metadata-agent", "net01", file).CustomPaths.Should().Equal($"neutron/{file}");
    }

    [Fact]
    public void For_GlanceApi_UsesTheServiceFileNameAtHostLevel()
    {
        OverrideSearchPath.For("glance", "glance-api", "c1", "glance-api.conf").CustomPaths
            .Should().Equal("global.conf", "glance.conf", "glance/glance-api.conf", "glance/c1/glance-api.conf");
    }

    [Fact]
    public void For_MysqldExporter_ListsTheTemplateLast()
    {
        Steps(OverrideSearchPath.For("prometheus", "prometheus-mysqld-exporter", "m1", "my.cnf"))
            .Should().Equal("prometheus-mysqld-exporter/m1/my.cnf", "prometheus-mysqld-exporter/my.cnf", "<role templates>/my.cnf.j2");
    }

    [Fact]
    public void For_Qemu_IsAWholeFileFirstFound()
    {
        var lookup = OverrideSearchPath.For("nova", "nova-libvirt", "compute01", "qemu.conf");

        lookup.Mode.Should().Be(OverrideMode.WholeFile);
        lookup.Steps.Should().ContainSingle().Which.IsFirstFound.Should().BeTrue();
        Steps(lookup).Single().Should().Be("nova/compute01/qemu.conf.j2 | nova/qemu.conf.j2 | <role templates>/qemu.conf.j2");
    }

    [Fact]
    public void For_PrometheusYml_IsAYamlMergeWithExtendLists()
    {
        var lookup = OverrideSearchPath.For("prometheus", "prometheus-server", "mon1", "prometheus.yml");

        lookup.Format.Should().Be(ConfigFileFormat.Yaml);
        lookup.ExtendLists.Should().BeTrue();
        lookup.Steps.Select(s => s.Candidates[0].Kind).Should().Equal(OverrideSourceKind.CustomFile, OverrideSourceKind.CustomDirectory, OverrideSourceKind.CustomDirectory);
    }

    [Fact]
    public void Policy_IsTheFirstOfYamlThenJson()
    {
        var lookup = OverrideSearchPath.Policy("keystone");

        lookup.Mode.Should().Be(OverrideMode.WholeFile);
        Steps(lookup).Should().Equal("keystone/policy.yaml | keystone/policy.json");
    }

    [Fact]
    public void For_UnknownProjectMainFile_FallsBackToTheStandardPattern()
    {
        OverrideSearchPath.For("zun", "zun-api", "h", "zun.conf").CustomPaths.Should().Equal("global.conf", "zun.conf", "zun/zun-api.conf", "zun/h/zun.conf");
    }

    [Fact]
    public void For_UnknownFile_Throws()
    {
        var act = () => OverrideSearchPath.For("nova", "nova-api", "h", "nope.ini");

        act.Should().Throw<ArgumentException>();
        OverrideSearchPath.TryFor("nova", "nova-api", "h", "nope.ini").Should().BeNull();
    }

    [Fact]
    public async Task ResolveAsync_PicksFirstExistingCandidatesAndSortedDirectoryFiles()
    {
        var root = Directory.CreateTempSubdirectory("kolla-override-");
        try
        {
            var custom = Path.Combine(root.FullName, "config");
            var templates = Path.Combine(root.FullName, "templates");
            Directory.CreateDirectory(Path.Combine(custom, "prometheus", "prometheus.yml.d"));
            Directory.CreateDirectory(templates);
            await File.WriteAllTextAsync(Path.Combine(custom, "prometheus", "prometheus.yml"), "a: 1\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(templates, "prometheus.yml.j2"), "a: 0\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(custom, "prometheus", "prometheus.yml.d", "b.yml"), "b: 1\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(custom, "prometheus", "prometheus.yml.d", "a.yml"), "c: 1\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(custom, "prometheus", "prometheus.yml.d", "skip.txt"), "x", TestContext.Current.CancellationToken);

            var paths = await OverrideSearchPath.For("prometheus", "prometheus-server", "mon1", "prometheus.yml")
                .ResolveAsync(custom, templates, TestContext.Current.CancellationToken);

            paths.Select(p => Path.GetRelativePath(root.FullName, p)).Should().Equal(
                Path.Combine("config", "prometheus", "prometheus.yml"),
                Path.Combine("config", "prometheus", "prometheus.yml.d", "a.yml"),
                Path.Combine("config", "prometheus", "prometheus.yml.d", "b.yml"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ResolveAsync_OrdinarySteps_AreListedEvenWhenMissing()
    {
        var paths = await OverrideSearchPath.For("nova", "nova-api", "c1", "nova.conf").ResolveAsync("/C", "/T", TestContext.Current.CancellationToken);

        paths.Should().Equal("/T/nova.conf.j2", "/C/global.conf", "/C/nova.conf", "/C/nova/nova-api.conf", "/C/nova/c1/nova.conf");
    }
}
