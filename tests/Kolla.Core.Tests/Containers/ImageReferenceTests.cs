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
    public void Parse_KollaTagRule(string image, string repository, string tag)
    {
        var reference = ImageReference.Parse(image);

        reference.Should().Be(new ImageReference(repository, tag));
        reference.ToString().Should().Be($"{repository}:{tag}");
    }
}
