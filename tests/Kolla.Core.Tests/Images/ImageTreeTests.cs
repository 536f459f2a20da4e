using System.Text;
using Kolla.Images;

namespace Kolla.Tests.Images;

public class ImageTreeTests
{
    [Fact]
    public async Task Directory_TreeGivesOneImagePerDockerfileFolderWithItsContext()
    {
        using var dir = new TempDirectory();
        dir.Write("core/base/Dockerfile.j2", "FROM {{ base_image }}\n");
        dir.Write("core/base/files/start.sh", "#!/bin/sh\n");
        dir.Write("svc/api/Dockerfile.j2", "FROM kolla/base:x\n");
        dir.Write("svc/api/api.conf.j2", "x={{ image_name }}\n");
        dir.Write("profiles.yml", "mine: [api]\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(dir.Path, "core/base/files/start.sh"), (UnixFileMode)493);
        }

        var tree = await ImageTreeLoader.LoadDirectoryAsync(dir.Path, TestContext.Current.CancellationToken);

        tree.Images.Keys.Should().BeEquivalentTo("base", "api");
        tree.Images["base"].Files.Should().ContainSingle().Which.Should().Match<ImageFile>(f => f.Path == "files/start.sh" && f.Mode == 493);
        tree.Images["api"].Files.Select(f => f.Path).Should().Equal("api.conf.j2");
        tree.Images["api"].TemplatePath.Should().Be(Path.Combine(dir.Path, "svc/api/Dockerfile.j2"));
        tree.Profiles.Should().ContainKey("mine").WhoseValue.Should().Equal("api");
    }

    [Fact]
    public void Without_ProfilesYmlTheBuiltInProfilesApply()
    {
        TestTrees.ThreeLevels().Profiles.Should().ContainKey("default").WhoseValue.Should().Contain("nova-");
    }

    [Fact]
    public void Two_ImagesWithTheSameNameAreAnError()
    {
        var files = new[] { "a/x/Dockerfile.j2", "b/x/Dockerfile.j2" }.Select(p => new ImageFile(p, Encoding.UTF8.GetBytes("FROM y\n"))).ToList();

        var act = () => ImageTreeLoader.Build("t", files, p => p);

        act.Should().Throw<ImageBuildException>().WithMessage("b/x/Dockerfile.j2: image 'x' is also defined in 'a/x'");
    }

    [Fact]
    public void Bad_ProfilesFileNamesTheFileAndLine()
    {
        var act = () => TestTrees.ThreeLevels(("profiles.yml", "a: [x]\nb: {c: d}\n"));

        act.Should().Throw<ImageBuildException>().Which.Message.Should().StartWith("tree/profiles.yml:2: ");
    }

    [Fact]
    public void Embedded_TreeLoads()
    {
        var tree = ImageTreeLoader.LoadEmbedded();

        tree.Source.Should().Be("embedded image tree");
        typeof(ImageTreeLoader).Assembly.GetManifestResourceNames().Should().Contain("Kolla.Images/README.md");
        tree.Images.Values.Should().NotContain(i => !i.Template.Contains("FROM"));
    }
}
