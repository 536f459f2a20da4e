using System.Text;
using Kolla.Images;

namespace Kolla.Tests.Images;

public class ImageRendererTests
{
    private static readonly ImageBuildSettings Settings = new();

    [Fact]
    public void Children_FindTheirParentFromTheFirstFromAndRootsHaveNone()
    {
        var images = new ImageRenderer(TestTrees.ThreeLevels(), Settings).RenderAll().ToDictionary(i => i.Name);

        images["base"].Parent.Should().BeNull();
        images["base"].From.Should().Be("debian:bookworm");
        images["service-base"].Parent.Should().Be("base");
        images["service-api"].Parent.Should().Be("service-base");
        images["service-api"].From.Should().Be("kolla/service-base:master-debian-bookworm");
        images["service-api"].Reference.Should().Be("kolla/service-api:master-debian-bookworm");
    }

    [Fact]
    public void Registry_PrefixAndTagShapeReferencesAndParentMatching()
    {
        var settings = new ImageBuildSettings { Registry = "reg:4000", ImagePrefix = "my-", Tag = "t1", BaseImage = "kolla/debian-rootfs:bookworm" };

        var api = new ImageRenderer(TestTrees.ThreeLevels(), settings).Render("service-api");

        api.Reference.Should().Be("reg:4000/kolla/my-service-api:t1");
        api.From.Should().Be("reg:4000/kolla/my-service-base:t1");
        api.Parent.Should().Be("service-base");
    }

    [Fact]
    public void Context_TemplatesAreRenderedWithoutTheSuffixAndOtherFilesAreCopied()
    {
        var image = new ImageRenderer(TestTrees.ThreeLevels(), Settings).Render("service-base");

        Encoding.UTF8.GetString(image.Files.Single(f => f.Path == "conf/app.conf").Content.Span).Should().Be("user=42436 image=service-base\n");
        Encoding.UTF8.GetString(image.Files.Single(f => f.Path == "start.sh").Content.Span).Should().Contain("{{ not rendered }}");
        image.HasFile("conf/app.conf.j2").Should().BeFalse();
    }

    [Fact]
    public void From_NamingAnImageOutsideTheTreeIsAnErrorWithFileAndLine()
    {
        var tree = TestTrees.ThreeLevels(("orphan/Dockerfile.j2", "# comment\nFROM {{ namespace }}/nothing:{{ tag }}\n"));

        var act = () => new ImageRenderer(tree, Settings).Render("orphan");

        act.Should().Throw<ImageBuildException>().Which.Message.Should().StartWith("tree/orphan/Dockerfile.j2:2: FROM kolla/nothing:master-debian-bookworm: there is no image 'nothing'");
    }

    [Fact]
    public void Template_ErrorsNameTheDockerfileAndLine()
    {
        var tree = TestTrees.ThreeLevels(("bad/Dockerfile.j2", "FROM x\n\nRUN {{ nope }}\n"));

        var act = () => new ImageRenderer(tree, Settings).Render("bad");

        act.Should().Throw<ImageBuildException>().WithMessage("tree/bad/Dockerfile.j2:3: undefined variable 'nope'");
    }

    [Fact]
    public void Override_FillsImageAndGlobalBlocksInEveryImage()
    {
        var overrides = new[]
        {
            new TemplateOverride("o1.j2", "{% extends parent_template %}\n{% block service_api_header %}\nLABEL api=yes\n{% endblock %}\n"),
            new TemplateOverride("o2.j2", "{% extends parent_template %}\n{% block footer %}\nRUN echo {{ image_name }}-footer\n{% endblock %}\n"),
        };

        var images = new ImageRenderer(TestTrees.ThreeLevels(), Settings, overrides).RenderAll().ToDictionary(i => i.Name);

        images["service-api"].Dockerfile.Should().Contain("LABEL api=yes\nRUN echo service_api\n");
        images["service-worker"].Dockerfile.Should().NotContain("LABEL api=yes");
        images["base"].Dockerfile.Should().Contain("RUN echo base-footer\n");
        images["service-api"].Parent.Should().Be("service-base");
    }

    [Theory]
    [InlineData("", "RUN install a b c")]
    [InlineData("{% set service_base_packages_append = ['d'] %}", "RUN install a b c d")]
    [InlineData("{% set service_base_packages_remove = ['b', 'zz'] %}", "RUN install a c")]
    [InlineData("{% set service_base_packages_override = ['x'] %}{% set service_base_packages_append = ['y'] %}", "RUN install x y")]
    [InlineData("{% set service_api_packages_append = ['d'] %}", "RUN install a b c")]
    public void Package_lists_follow_the_override_append_and_remove_variables(string sets, string expected)
    {
        var overrides = new[] { new TemplateOverride("o.j2", "{% extends parent_template %}" + sets) };

        var image = new ImageRenderer(TestTrees.ThreeLevels(), Settings, overrides).Render("service-base");

        image.Dockerfile.Split('\n').Should().Contain(expected);
    }

    [Fact]
    public void Package_ListsCanComeFromTheBuildValues()
    {
        var settings = Settings with { ExtraValues = new Dictionary<string, object?> { ["service_base_packages_append"] = new List<object?> { "e" } } };

        new ImageRenderer(TestTrees.ThreeLevels(), settings).Render("service-base").Dockerfile.Should().Contain("RUN install a b c e\n");
    }

    [Fact]
    public void Error_InAnOverrideNamesTheOverrideAndTheImage()
    {
        var overrides = new[] { new TemplateOverride("o.j2", "{% extends parent_template %}\n{% block footer %}{{ nope }}{% endblock %}") };

        var act = () => new ImageRenderer(TestTrees.ThreeLevels(), Settings, overrides).Render("base");

        act.Should().Throw<ImageBuildException>().WithMessage("o.j2:2: undefined variable 'nope' (rendering image 'base')");
    }

    [Fact]
    public void Copies_OfKollaStartFromTheContextAreDetected()
    {
        var images = new ImageRenderer(TestTrees.ThreeLevels(), Settings).RenderAll().ToDictionary(i => i.Name);

        images["base"].CopiesFromContext("kolla_start").Should().BeTrue();
        images["tools"].CopiesFromContext("kolla_start").Should().BeFalse();
    }

    [Fact]
    public async Task Template_OnlyOutputWritesTheDockerfileAndContext()
    {
        using var dir = new TempDirectory();
        var image = new ImageRenderer(TestTrees.ThreeLevels(), Settings).Render("service-base");

        await ImageContextWriter.WriteAsync(image, dir.Path, TestContext.Current.CancellationToken);

        File.ReadAllText(Path.Combine(dir.Path, "service-base", "Dockerfile")).Should().Be(image.Dockerfile);
        File.ReadAllText(Path.Combine(dir.Path, "service-base", "conf", "app.conf")).Should().Be("user=42436 image=service-base\n");
        Directory.GetDirectories(dir.Path).Should().ContainSingle();
    }
}
