using System.Text;
using System.Text.Json;
using Kolla.Docker.Build;
using Kolla.Images;
using Kolla.TestKit;

namespace Kolla.Tests.Build;

/// <summary>
/// Builds a small busybox tree on the private engine: base → mid → leaf, plus a failing image and its child.
/// </summary>
public sealed class DockerImageBuilderTests(DockerEngineFixture engine) : IAsyncLifetime
{
    private readonly CancellationTokenSource _budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-build-it-");

    private string Namespace => engine.NameFor("build");

    private CancellationToken Token => _budget.Token;

    public async ValueTask InitializeAsync()
    {
        _budget.CancelAfter(TimeSpan.FromMinutes(5));
        await engine.EnsureTestImageAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        await engine.RemoveImagesAsync($"{Namespace}/*", CancellationToken.None);

        _dir.Delete(recursive: true);
        _budget.Dispose();
    }

    private static ImageTree Tree() => ImageTreeLoader.Build(
        "test tree",
        new (string Path, string Text)[]
        {
            ("base/Dockerfile.j2", "FROM {{ base_image }}\nCOPY kolla_start /usr/local/bin/kolla_start\nRUN echo base > /base.txt\n{% block footer %}{% endblock %}\n"),
            ("mid/Dockerfile.j2", "FROM {{ namespace }}/{{ image_prefix }}base:{{ tag }}\nRUN test -f /base.txt && echo mid > /mid.txt\n"),
            ("leaf/Dockerfile.j2", "FROM {{ namespace }}/{{ image_prefix }}mid:{{ tag }}\nCOPY hello.txt /hello.txt\n{% block leaf_footer %}{% endblock %}\n"),
            ("leaf/hello.txt.j2", "hello from {{ image_name }}\n"),
            ("bad/Dockerfile.j2", "FROM {{ namespace }}/{{ image_prefix }}base:{{ tag }}\nRUN echo about to fail && exit 3\n"),
            ("bad-child/Dockerfile.j2", "FROM {{ namespace }}/{{ image_prefix }}bad:{{ tag }}\nRUN true\n"),
        }.Select(f => new ImageFile(f.Path, Encoding.UTF8.GetBytes(f.Text))).ToList(),
        p => p);

    [Fact]
    public async Task Builds_ParentsFirstWithTagsLabelsOverridesAndReportsFailures()
    {
        var settings = new ImageBuildSettings { Namespace = Namespace, Tag = "t1", BaseImage = TestImages.Busybox, KollaVersion = "9.9.9", Maintainer = "tests" };
        var overrides = new[]
        {
            new TemplateOverride("override.j2", "{% extends parent_template %}\n{% block footer %}\nLABEL overridden=yes\n{% endblock %}\n{% block leaf_footer %}\nRUN echo from-override > /override.txt\n{% endblock %}\n"),
        };
        var plan = BuildPlanner.Plan(Tree(), settings, ImageSelection.All, overrides);
        var kollaStart = Path.Combine(_dir.FullName, "kolla_start");
        await File.WriteAllTextAsync(kollaStart, "#!/bin/sh\nexec \"$@\"\n", Token);
        var options = new ImageBuilderOptions { LogsDirectory = Path.Combine(_dir.FullName, "logs"), KollaStartPath = kollaStart, Threads = 2, BuildDate = new DateOnly(2026, 1, 2) };
        using var builder = new DockerImageBuilder(new Uri(engine.DockerHost));

        var summary = await builder.BuildAsync(plan, settings, options, cancellationToken: Token);

        var byName = summary.Results.ToDictionary(r => r.Name);
        byName["base"].Status.Should().Be(ImageBuildStatus.Built, byName["base"].Error);
        byName["mid"].Status.Should().Be(ImageBuildStatus.Built, byName["mid"].Error);
        byName["leaf"].Status.Should().Be(ImageBuildStatus.Built, byName["leaf"].Error);
        byName["bad"].Status.Should().Be(ImageBuildStatus.Error);
        byName["bad"].Error.Should().Contain("about to fail");
        File.ReadAllText(byName["bad"].LogFile!).Should().Contain("about to fail");
        byName["bad-child"].Status.Should().Be(ImageBuildStatus.ParentError);
        summary.Succeeded.Should().BeFalse();
        summary.ToJson().Should().Be(
            "{\"built\":[{\"name\":\"base\"},{\"name\":\"mid\"},{\"name\":\"leaf\"}],\"failed\":[{\"name\":\"bad\",\"status\":\"error\"},{\"name\":\"bad-child\",\"status\":\"parent_error\"}],\"not_matched\":[],\"skipped\":[]}");

        var leaf = await InspectAsync($"{Namespace}/leaf:t1");
        var mid = await InspectAsync($"{Namespace}/mid:t1");
        var labels = leaf.GetProperty("Config").GetProperty("Labels");
        labels.GetProperty("name").GetString().Should().Be("leaf");
        labels.GetProperty("kolla_version").GetString().Should().Be("9.9.9");
        labels.GetProperty("build-date").GetString().Should().Be("20260102");
        labels.GetProperty("maintainer").GetString().Should().Be("tests");
        labels.GetProperty("overridden").GetString().Should().Be("yes", "the base image's override label is inherited");
        Layers(leaf).Take(Layers(mid).Count).Should().Equal(Layers(mid), "leaf is built on the mid image of this build");

        (await RunInAsync($"{Namespace}/leaf:t1", "cat /hello.txt /mid.txt /override.txt")).Should().Be("hello from leaf\nmid\nfrom-override\n");
        (await RunInAsync($"{Namespace}/base:t1", "cat /usr/local/bin/kolla_start")).Should().StartWith("#!/bin/sh");

        var again = await builder.BuildAsync(plan, settings, options with { SkipExisting = true }, cancellationToken: Token);

        again.Results.Where(r => r.Status == ImageBuildStatus.Skipped).Select(r => r.Name).Should().BeEquivalentTo("base", "mid", "leaf");
        again.Results.Single(r => r.Name == "bad").Status.Should().Be(ImageBuildStatus.Error);
    }

    [Fact]
    public async Task Root_ImageCopyingKollaStartWithoutOneFailsBeforeBuilding()
    {
        var settings = new ImageBuildSettings { Namespace = Namespace, Tag = "t2", BaseImage = TestImages.Busybox };
        var plan = BuildPlanner.Plan(Tree(), settings, new ImageSelection(["^base$"]));
        using var builder = new DockerImageBuilder(new Uri(engine.DockerHost));

        var act = () => builder.BuildAsync(plan, settings, new ImageBuilderOptions { LogsDirectory = Path.Combine(_dir.FullName, "logs") }, cancellationToken: Token);

        (await act.Should().ThrowAsync<ImageBuildException>()).Which.Message.Should().Contain("--kolla-start");
        (await builder.ImageExistsAsync($"{Namespace}/base:t2", Token)).Should().BeFalse();
    }

    private async Task<JsonElement> InspectAsync(string reference)
    {
        var result = await engine.DockerAsync(["image", "inspect", reference], Token);
        result.Succeeded.Should().BeTrue(result.StandardError);
        return JsonDocument.Parse(result.StandardOutput).RootElement[0];
    }

    private static List<string> Layers(JsonElement image) =>
        image.GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!).ToList();

    private async Task<string> RunInAsync(string image, string script)
    {
        var result = await engine.DockerAsync(["run", "--rm", "--network", "none", "--label", engine.RunLabel, image, "sh", "-c", script], Token);
        result.Succeeded.Should().BeTrue(result.StandardError);
        return result.StandardOutput;
    }
}
