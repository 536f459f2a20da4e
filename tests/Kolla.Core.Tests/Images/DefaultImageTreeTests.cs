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
    public void Hooks_test_whether_their_flag_is_set_not_whether_it_is_empty(string name, string flag)
    {
        // kolla-ansible passes a flag without a value as the empty string (reference A, 4.11).
        ContextText(Render(name), "extend_start.sh").Should().Contain($"[[ \"${{!{flag}[*]}}\" ]]");
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
