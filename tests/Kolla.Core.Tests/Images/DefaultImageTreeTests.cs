using System.Text;
using Kolla.Images;

namespace Kolla.Tests.Images;

/// <summary>The images of the embedded tree against the contract the catalogue's configs expect.</summary>
public class DefaultImageTreeTests
{
    private static readonly ImageTree Tree = ImageTreeLoader.LoadEmbedded();

    private static readonly ImageBuildSettings Settings = new() { Tag = "t1", BaseImage = "kolla/debian-rootfs:bookworm" };

    private static RenderedImage Render(string name) => new ImageRenderer(Tree, Settings).Render(name);

    private static string ContextText(RenderedImage image, string path) =>
        Encoding.UTF8.GetString(image.Files.Single(f => f.Path == path).Content.Span);

    [Theory]
    [InlineData("base", null)]
    [InlineData("openstack-base", "base")]
    [InlineData("mariadb-server", "base")]
    [InlineData("memcached", "base")]
    [InlineData("rabbitmq", "base")]
    [InlineData("keystone-base", "openstack-base")]
    [InlineData("keystone", "keystone-base")]
    [InlineData("keystone-ssh", "keystone-base")]
    [InlineData("keystone-fernet", "keystone-base")]
    [InlineData("haproxy", "base")]
    [InlineData("glance-api", "openstack-base")]
    [InlineData("placement-api", "openstack-base")]
    [InlineData("nova-base", "openstack-base")]
    [InlineData("nova-api", "nova-base")]
    [InlineData("nova-conductor", "nova-base")]
    [InlineData("nova-scheduler", "nova-base")]
    [InlineData("nova-novncproxy", "nova-base")]
    [InlineData("nova-compute", "nova-base")]
    [InlineData("neutron-base", "openstack-base")]
    [InlineData("neutron-server", "neutron-base")]
    [InlineData("neutron-openvswitch-agent", "neutron-base")]
    [InlineData("openvswitch-base", "base")]
    [InlineData("openvswitch-db-server", "openvswitch-base")]
    [InlineData("openvswitch-vswitchd", "openvswitch-base")]
    [InlineData("horizon", "openstack-base")]
    public void Each_image_has_its_kolla_parent(string image, string? parent)
    {
        Render(image).Parent.Should().Be(parent);
    }

    [Fact]
    public void Root_ImageStartsFromTheBaseImageAndRunsKollaStartUnderDumbInit()
    {
        var image = Render("base");

        image.From.Should().Be("kolla/debian-rootfs:bookworm");
        image.CopiesFromContext("kolla_start").Should().BeTrue();
        image.Dockerfile.Should().Contain("ENTRYPOINT [\"dumb-init\", \"--single-child\", \"--\"]")
            .And.Contain("CMD [\"kolla_start\"]")
            .And.Contain("ln -sf kolla_start /usr/local/bin/kolla_set_configs");
    }

    [Theory]
    [InlineData("kolla")]
    [InlineData("fluentd")]
    [InlineData("keystone")]
    [InlineData("mysql")]
    [InlineData("rabbitmq")]
    [InlineData("memcached")]
    public void The_base_image_creates_the_accounts_with_kollas_fixed_ids(string user)
    {
        var ids = KollaUsers.Default[user];
        var dockerfile = Render("base").Dockerfile;

        if (user == "kolla")
        {
            dockerfile.Should().Contain($"groupadd --gid {ids.Gid} kolla").And.Contain($"useradd --no-log-init --uid {ids.Uid} ");
        }
        else
        {
            dockerfile.Should().Contain($"add_service_user {user} {ids.Uid} {ids.Gid} ");
        }
    }

    [Fact]
    public void Accounts_ExistBeforeAnyPackageIsInstalled()
    {
        var dockerfile = Render("base").Dockerfile;

        dockerfile.IndexOf("add_service_user mysql", StringComparison.Ordinal)
            .Should().BeLessThan(dockerfile.IndexOf("apt-get install", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("base")]
    [InlineData("mariadb-server")]
    [InlineData("memcached")]
    [InlineData("rabbitmq")]
    [InlineData("keystone")]
    [InlineData("keystone-ssh")]
    [InlineData("keystone-fernet")]
    [InlineData("glance-api")]
    [InlineData("placement-api")]
    [InlineData("nova-api")]
    [InlineData("nova-conductor")]
    [InlineData("nova-scheduler")]
    [InlineData("nova-novncproxy")]
    [InlineData("nova-compute")]
    [InlineData("neutron-server")]
    [InlineData("neutron-openvswitch-agent")]
    [InlineData("openvswitch-base")]
    [InlineData("openvswitch-db-server")]
    [InlineData("openvswitch-vswitchd")]
    [InlineData("horizon")]
    public void Images_with_hooks_install_their_extend_start_script(string name)
    {
        var image = Render(name);

        image.HasFile("extend_start.sh").Should().BeTrue();
        image.CopiesFromContext("extend_start.sh").Should().BeTrue();
        image.Dockerfile.Should().Contain("/usr/local/bin/kolla_extend_start");
    }

    [Theory]
    [InlineData("mariadb-server", "KOLLA_BOOTSTRAP")]
    [InlineData("mariadb-server", "BOOTSTRAP_ARGS")]
    [InlineData("rabbitmq", "KOLLA_BOOTSTRAP")]
    [InlineData("rabbitmq", "RABBITMQ_CLUSTER_COOKIE")]
    [InlineData("keystone", "KOLLA_BOOTSTRAP")]
    [InlineData("keystone", "KOLLA_UPGRADE")]
    [InlineData("keystone", "KOLLA_FINISH_UPGRADE")]
    [InlineData("glance-api", "KOLLA_BOOTSTRAP")]
    [InlineData("glance-api", "KOLLA_UPGRADE")]
    [InlineData("placement-api", "KOLLA_BOOTSTRAP")]
    [InlineData("nova-api", "KOLLA_BOOTSTRAP")]
    [InlineData("nova-api", "KOLLA_UPGRADE")]
    [InlineData("nova-conductor", "KOLLA_BOOTSTRAP")]
    [InlineData("nova-conductor", "KOLLA_UPGRADE")]
    [InlineData("neutron-server", "KOLLA_BOOTSTRAP")]
    public void Hooks_test_whether_their_flag_is_set_not_whether_it_is_empty(string name, string flag)
    {
        // kolla-ansible passes a flag without a value as the empty string (reference A, 4.11).
        ContextText(Render(name), "extend_start.sh").Should().Contain($"[[ \"${{!{flag}[*]}}\" ]]");
    }

    [Theory]
    [InlineData("nova-api", "KOLLA_UPGRADE", "nova_manage api_db sync && nova_manage db sync")]
    [InlineData("nova-conductor", "KOLLA_UPGRADE", "nova_manage db sync --local_cell")]
    [InlineData("glance-api", "KOLLA_BOOTSTRAP", "glance_manage db_sync")]
    [InlineData("placement-api", "KOLLA_BOOTSTRAP", "placement_manage db sync")]
    [InlineData("neutron-server", "KOLLA_BOOTSTRAP", "neutron_db_manage upgrade head")]
    public void Bootstrap_hooks_migrate_the_schemas_the_catalogues_jobs_expect(string name, string flag, string command)
    {
        // The catalogue's bootstrap jobs set only the flag (nova's API and cell jobs set KOLLA_UPGRADE) and expect the
        // container to exit once the schema is migrated.
        var script = ContextText(Render(name), "extend_start.sh");
        var block = script[script.IndexOf($"[[ \"${{!{flag}[*]}}\"", StringComparison.Ordinal)..];

        block[..block.IndexOf("fi", StringComparison.Ordinal)].Should().Contain(command).And.Contain("exit $?");
    }

    [Theory]
    [InlineData("glance-api", "glance")]
    [InlineData("placement-api", "placement")]
    [InlineData("nova-base", "nova")]
    [InlineData("neutron-base", "neutron")]
    [InlineData("horizon", "horizon")]
    public void Service_accounts_get_kollas_fixed_ids_before_their_packages(string image, string user)
    {
        var ids = KollaUsers.Default[user];
        var dockerfile = Render(image).Dockerfile;
        var add = dockerfile.IndexOf($"kolla_add_user {user} {ids.Uid} {ids.Gid} ", StringComparison.Ordinal);

        add.Should().BeGreaterThan(0);
        add.Should().BeLessThan(dockerfile.IndexOf("apt-get install", StringComparison.Ordinal));
    }

    [Fact]
    public void Haproxy_RenumbersThePackagesAccountToKollasFixedIds()
    {
        // Debian's haproxy package refuses an account made beforehand, so the ids change after the install.
        var ids = KollaUsers.Default["haproxy"];
        var dockerfile = Render("haproxy").Dockerfile;

        dockerfile.Should().Contain($"groupmod --gid {ids.Gid} haproxy")
            .And.Contain($"usermod --uid {ids.Uid} --gid {ids.Gid} --append --groups kolla haproxy");
        dockerfile.IndexOf("usermod", StringComparison.Ordinal)
            .Should().BeGreaterThan(dockerfile.IndexOf("apt-get install", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("glance-api", "glance/templates/glance-api-uwsgi.ini.j2")]
    [InlineData("placement-api", "placement/templates/placement-api-uwsgi.ini.j2")]
    [InlineData("nova-base", "nova/templates/nova-api-uwsgi.ini.j2")]
    [InlineData("nova-base", "nova/templates/nova-metadata-uwsgi.ini.j2")]
    [InlineData("neutron-server", "neutron/templates/neutron-server-uwsgi.ini.j2")]
    [InlineData("horizon", "horizon/templates/horizon-uwsgi.ini.j2")]
    public void Api_images_provide_the_wsgi_module_the_catalogues_uwsgi_config_loads(string image, string template)
    {
        var module = CatalogueTemplate(template).Split('\n')
            .Single(l => l.StartsWith("module = ", StringComparison.Ordinal))["module = ".Length..].Split(':')[0];
        var rendered = Render(image);

        rendered.Dockerfile.Should().Contain($"kolla_python_entry module {module} /usr/local/share/kolla/");
        var shim = rendered.Dockerfile.Split('\n')
            .Single(l => l.Contains($"kolla_python_entry module {module} ", StringComparison.Ordinal))
            .Split("/usr/local/share/kolla/")[1].Split(' ')[0];
        ContextText(rendered, shim).Should().Contain("application = ");
    }

    [Fact]
    public void OpenstackBase_ShipsTheHelpersTheServiceImagesAndJobsCall()
    {
        var image = Render("openstack-base");

        foreach (var helper in new[] { "kolla_copy_cacerts", "kolla_python_entry", "kolla_add_user" })
        {
            image.HasFile(helper).Should().BeTrue(helper);
            image.Dockerfile.Should().Contain($"/usr/local/bin/{helper}");
        }
    }

    private static string CatalogueTemplate(string path)
    {
        using var stream = typeof(ImageTreeLoader).Assembly.GetManifestResourceStream("Kolla.Catalogue/" + path)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Mariadb_ShipsTheHealthcheckTheCatalogueCalls()
    {
        var image = Render("mariadb-server");
        var script = ContextText(image, "healthcheck.sh");

        image.Dockerfile.Should().Contain("COPY healthcheck.sh /usr/bin/healthcheck.sh");
        script.Should().Contain("--defaults-file").And.Contain("--connect").And.Contain("--galera_online");
    }

    [Fact]
    public void Every_DockerfileOffersHeaderAndFooterBlocksForOverrides()
    {
        foreach (var definition in Tree.Images.Values)
        {
            definition.Template.Should().Contain($"{{% block {definition.UnderscoredName}_header %}}", definition.Name)
                .And.Contain($"{{% block {definition.UnderscoredName}_footer %}}", definition.Name)
                .And.Contain("{% block footer %}", definition.Name);
        }
    }

    [Fact]
    public void Images_SeededIntoNamedVolumesLeaveTheDataDirectoriesEmpty()
    {
        Render("mariadb-server").Dockerfile.Should().Contain("rm -rf /var/lib/mysql/*");
        Render("rabbitmq").Dockerfile.Should().Contain("rm -rf /var/lib/rabbitmq/*");
    }
}
