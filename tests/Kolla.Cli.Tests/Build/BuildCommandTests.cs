using Kolla.Cli;

namespace Kolla.Tests.Build;

/// <summary><c>kolla build</c> without Docker: listing, dependencies, template-only rendering and errors.</summary>
public sealed class BuildCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("kolla-cli-build-");

    public BuildCommandTests()
    {
        Write("tree/base/Dockerfile.j2", "FROM {{ base_image }}\n{% block base_header %}{% endblock %}\nCOPY kolla_start /usr/local/bin/kolla_start\n");
        Write("tree/svc/svc-base/Dockerfile.j2", "FROM {{ namespace }}/{{ image_prefix }}base:{{ tag }}\n{% set svc_base_packages = ['a'] %}\nRUN echo {{ svc_base_packages | customizable('packages') | join(' ') }}\n");
        Write("tree/svc/svc-api/Dockerfile.j2", "FROM {{ namespace }}/{{ image_prefix }}svc-base:{{ tag }}\n{% block svc_api_footer %}{% endblock %}\n");
        Write("tree/svc/svc-api/api.conf.j2", "uid={{ users.keystone.uid }}\n");
        Write("tree/other/Dockerfile.j2", "FROM {{ namespace }}/{{ image_prefix }}base:{{ tag }}\n");
        Write("tree/profiles.yml", "api: [svc-api]\n");
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private string Tree => Path.Combine(_dir.FullName, "tree");

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = await KollaApp.RunAsync(args, new CliConsole(stdout, stderr, IsInteractive: false), TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task List_ImagesPrintsTheSelectionWithAncestorsParentsFirst()
    {
        var (exit, output, error) = await RunAsync("build", "--docker-dir", Tree, "--list-images", "api");

        error.Should().BeEmpty();
        exit.Should().Be(0);
        output.Should().Be("base\nsvc-base\nsvc-api\n");
    }

    [Fact]
    public async Task Profile_FromTheTreeSelectsImages()
    {
        var (exit, output, _) = await RunAsync("build", "--docker-dir", Tree, "--list-images", "--profile", "api");

        exit.Should().Be(0);
        output.Should().Be("base\nsvc-base\nsvc-api\n");
    }

    [Fact]
    public async Task List_DependenciesPrintsTheTree()
    {
        var (exit, output, _) = await RunAsync("build", "--docker-dir", Tree, "--list-dependencies");

        exit.Should().Be(0);
        output.Should().Be("base\n  other\n  svc-base\n    svc-api\n");
    }

    [Fact]
    public async Task Template_OnlyRendersEverySelectedImageWithOverridesAndBuildValues()
    {
        var work = Path.Combine(_dir.FullName, "out");
        var over = Write("override.j2", "{% extends parent_template %}\n{% block svc_api_footer %}\nLABEL extra=yes\n{% endblock %}\n");
        var config = Write("build.yml", "svc_base_packages_append: [b]\n");
        var kollaStart = Write("kolla_start", "#!/bin/sh\nexec \"$@\"\n");

        var (exit, _, error) = await RunAsync(
            "build", "--docker-dir", Tree, "--template-only", "--work-dir", work, "--template-override", over, "--build-config", config,
            "--kolla-start", kollaStart, "--registry", "reg:5000", "--tag", "t1", "svc-api");

        error.Should().BeEmpty();
        exit.Should().Be(0);
        Directory.GetDirectories(work).Select(Path.GetFileName).Should().BeEquivalentTo("base", "svc-base", "svc-api");
        File.ReadAllText(Path.Combine(work, "svc-api", "Dockerfile")).Should().Be("FROM reg:5000/kolla/svc-base:t1\nLABEL extra=yes\n");
        File.ReadAllText(Path.Combine(work, "svc-api", "api.conf")).Should().Be("uid=42425\n");
        File.ReadAllText(Path.Combine(work, "svc-base", "Dockerfile")).Should().Contain("RUN echo a b\n");
        File.ReadAllText(Path.Combine(work, "base", "kolla_start")).Should().StartWith("#!/bin/sh");
        File.ReadAllText(Path.Combine(work, "base", "Dockerfile")).Should().StartWith("FROM debian:bookworm\n");
    }

    [Fact]
    public async Task Unknown_ProfileFailsWithOneLine()
    {
        var (exit, output, error) = await RunAsync("build", "--docker-dir", Tree, "--list-images", "--profile", "nope");

        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be("--profile: unknown profile 'nope' (known: api)\n");
    }

    [Fact]
    public async Task Template_ErrorNamesTheDockerfileAndLine()
    {
        Write("tree/broken/Dockerfile.j2", "FROM x\nRUN {{ undefined_thing }}\n");

        var (exit, _, error) = await RunAsync("build", "--docker-dir", Tree, "--list-images");

        exit.Should().Be(1);
        error.Should().Be($"{Path.Combine(Tree, "broken", "Dockerfile.j2")}:2: undefined variable 'undefined_thing'\n");
    }

    [Fact]
    public async Task Missing_TreeDirectoryIsAnError()
    {
        var (exit, _, error) = await RunAsync("build", "--docker-dir", Path.Combine(_dir.FullName, "none"), "--list-images");

        exit.Should().Be(1);
        error.Should().EndWith("none: the image tree directory does not exist\n");
    }

    [Fact]
    public async Task Debootstrap_AndBaseImageTogetherAreRefused()
    {
        var (exit, _, error) = await RunAsync("build", "--docker-dir", Tree, "--debootstrap", "--base-image", "x:y");

        exit.Should().Be(1);
        error.Should().Contain("--debootstrap and --base-image");
    }

    [Fact]
    public async Task Embedded_TreeListsWithoutError()
    {
        var (exit, _, error) = await RunAsync("build", "--list-images", "--format", "json");

        error.Should().BeEmpty();
        exit.Should().Be(0);
    }
}
