using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("quay.io/openstack.kolla/keystone:2025.1", "quay.io/openstack.kolla/keystone", "2025.1")]
    [InlineData("registry:5000/kolla/keystone", "registry:5000/kolla/keystone", "latest")]
    [InlineData("registry:5000/kolla/keystone:master", "registry:5000/kolla/keystone", "master")]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("busybox:1.36", "busybox", "1.36")]
    [InlineData("kolla-test/busybox:latest", "kolla-test/busybox", "latest")]
    public void Parse_WithLatestAsDefault_FollowsKollasTagRule(string image, string repository, string tag)
    {
        var reference = ImageReference.Parse(image, ImageReference.LatestTag);

        reference.Should().Be(new ImageReference(repository, tag));
        reference.ToString().Should().Be($"{repository}:{tag}");
    }

    [Theory]
    [InlineData("quay.io/openstack.kolla/nova-compute:master-rocky-10", "quay.io", "quay.io/openstack.kolla/nova-compute", "master-rocky-10")]
    [InlineData("kolla/nova-compute:tag", null, "kolla/nova-compute", "tag")]
    [InlineData("reg.local:4000/ns/img:t", "reg.local:4000", "reg.local:4000/ns/img", "t")]
    [InlineData("localhost/img:t", "localhost", "localhost/img", "t")]
    public void Parse_SplitsRegistryRepositoryNameAndTag(string text, string? registry, string repository, string tag)
    {
        var reference = ImageReference.Parse(text);

        reference.Should().Be(new ImageReference(repository, tag));
        reference.Registry.Should().Be(registry);
        reference.ToString().Should().Be(text);
        reference.Name.Should().Be(repository.Split('/')[^1]);
    }

    [Theory]
    [InlineData("reg.local:4000/ns/img")]
    [InlineData("busybox")]
    [InlineData("busybox:")]
    [InlineData("/img:t")]
    [InlineData("a/b:c/d")]
    public void Parse_WithoutDefaultTag_RejectsAnIncompleteReference(string text)
    {
        var act = () => ImageReference.Parse(text);

        act.Should().Throw<FormatException>();
    }
}
