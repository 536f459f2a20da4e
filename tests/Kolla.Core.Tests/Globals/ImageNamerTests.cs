using Kolla.Globals;
using Kolla.Variables;

namespace Kolla.Tests.Globals;

public class ImageNamerTests
{
    // Reference B, section 5: the nova-compute image under various settings.
    [Theory]
    [InlineData("", "quay.io/openstack.kolla/nova-compute:master-rocky-10")]
    [InlineData("docker_registry: ''\ndocker_namespace: kolla\n", "kolla/nova-compute:master-rocky-10")]
    [InlineData("docker_registry: reg.local:4000\nkolla_base_distro: ubuntu\nopenstack_tag_suffix: -aarch64\n", "reg.local:4000/openstack.kolla/nova-compute:master-ubuntu-noble-aarch64")]
    [InlineData("docker_image_name_prefix: my-\nnova_tag: 2026.1-x\n", "quay.io/openstack.kolla/my-nova-compute:2026.1-x")]
    public void Names_match_kolla_ansible(string globals, string expected)
    {
        var namer = new ImageNamer(KollaGlobals.Parse(globals));

        namer.Resolve("nova-compute").ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("nova_compute_tag: only-compute\nnova_tag: nova-wide\n", "quay.io/openstack.kolla/nova-compute:only-compute")]
    [InlineData("nova_compute_image: my.registry/custom/compute\n", "my.registry/custom/compute:master-rocky-10")]
    [InlineData("nova_compute_image_full: other.io/x/y:z\nnova_tag: ignored\n", "other.io/x/y:z")]
    [InlineData("openstack_tag: pinned\n", "quay.io/openstack.kolla/nova-compute:pinned")]
    [InlineData("docker_registry:\n", "openstack.kolla/nova-compute:master-rocky-10")]
    [InlineData("openstack_release: 2025.1\nkolla_base_distro: debian\n", "quay.io/openstack.kolla/nova-compute:2025.1-debian-trixie")]
    public void Every_level_can_be_overridden(string globals, string expected)
    {
        new ImageNamer(KollaGlobals.Parse(globals)).Resolve("nova-compute").ToString().Should().Be(expected);
    }

    [Fact]
    public void Project_TagAndServiceVariableCanBeGiven()
    {
        var namer = new ImageNamer(KollaGlobals.Parse("neutron_tag: n1\nkolla_toolbox_tag: kt\n"));

        namer.Resolve("neutron-openvswitch-agent").Tag.Should().Be("n1");
        namer.Resolve("kolla-toolbox").Tag.Should().Be("kt");
        namer.Resolve("mariadb-server", serviceVariable: "mariadb", project: "mariadb").ToString().Should().Be("quay.io/openstack.kolla/mariadb-server:master-rocky-10");
    }

    [Fact]
    public void Host_VariablesCanOverridePerHost()
    {
        var scope = new LayeredVariableScope(KollaGlobals.Defaults, new Dictionary<string, object?> { ["nova_compute_tag"] = "{{ openstack_release }}-hotfix" });

        new ImageNamer(scope).Resolve("nova-compute").ToString().Should().Be("quay.io/openstack.kolla/nova-compute:master-hotfix");
    }
}
