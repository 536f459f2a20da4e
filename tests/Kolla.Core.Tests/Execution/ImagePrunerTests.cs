using Kolla.Containers;
using Kolla.Operations;

namespace Kolla.Tests.Execution;

public sealed class ImagePrunerTests
{
    private static readonly Dictionary<string, string> s_kolla = new() { ["kolla_version"] = "20.1.0" };

    private static ImageState Image(string id, params string[] tags) => new(id, tags, s_kolla);

    private static ContainerState Container(string name, string image, string imageId) =>
        new() { Name = name, Id = "c-" + name, Image = image, ImageId = imageId, Status = "exited" };

    [Fact]
    public void ChangesFor_KeepsPlannedAndUsedImages_RemovesOtherKollaImages()
    {
        var host = TestDeployment.Plan().Hosts.Single(h => h.Host == "control01");
        host.Images.Should().Equal("example/web:1");
        var images = new[]
        {
            Image("sha256:a1", "docker.io/example/web:1"),
            Image("sha256:b2", "example/web:0"),
            Image("sha256:c3", "<none>:<none>"),
            Image("sha256:d4", "example/used-by-stopped:1"),
            new ImageState("sha256:e5", ["example/not-kolla:1"], new Dictionary<string, string>()),
            Image("sha256:f6", "example/old-b:1", "example/old-a:1"),
        };

        var changes = ImagePruner.ChangesFor(host, images, [Container("other", "example/used-by-stopped:1", "sha256:d4")], new PruneImagesOptions());

        changes.Cast<RemoveImageChange>().Select(c => (c.ImageId, string.Join(",", c.RepoTags))).Should().Equal(
            ("sha256:b2", "example/web:0"),
            ("sha256:c3", ""),
            ("sha256:f6", "example/old-a:1,example/old-b:1"));
        changes[1].Describe().Should().Be("remove image sha256:c3 (untagged)");
        changes[2].Describe().Should().Be("remove image example/old-a:1, example/old-b:1 (sha256:f6)");
    }

    [Fact]
    public void ChangesFor_DanglingOnly_RemovesOnlyUntaggedKollaImages()
    {
        var host = TestDeployment.Plan().Hosts.Single(h => h.Host == "control01");
        var images = new[] { Image("sha256:b2", "example/web:0"), Image("sha256:c3"), Image("sha256:c4", "<none>:<none>") };

        var changes = ImagePruner.ChangesFor(host, images, [], new PruneImagesOptions { DanglingOnly = true });

        changes.Cast<RemoveImageChange>().Select(c => c.ImageId).Should().Equal("sha256:c3", "sha256:c4");
    }

    [Fact]
    public void ChangesFor_ImageOfAnExistingContainerByIdOnly_IsKept()
    {
        var host = TestDeployment.Plan().Hosts.Single(h => h.Host == "control01");

        var changes = ImagePruner.ChangesFor(host, [Image("sha256:aa", "example/retagged:2")], [Container("x", "example/retagged:1", "sha256:aa")], new PruneImagesOptions());

        changes.Should().BeEmpty("a container still runs from that image, whatever its tags are now");
    }
}
