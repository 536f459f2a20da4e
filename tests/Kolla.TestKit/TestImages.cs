namespace Kolla.TestKit;

/// <summary>
/// Names of the busybox test image (<c>FROM scratch</c> + static busybox, built with no registry by
/// <c>tests/infra/build-test-image.sh</c>). Every name points at the same image; the service-like ones let
/// deploy tests use Kolla's image naming (<c>docker_namespace: kolla-test</c>, <c>openstack_tag: test</c>).
/// </summary>
public static class TestImages
{
    /// <summary>The Docker namespace of every test image.</summary>
    public const string Namespace = "kolla-test";

    /// <summary>The tag of the service-like names.</summary>
    public const string Tag = "test";

    /// <summary>The primary name, <c>kolla-test/busybox:latest</c>.</summary>
    public const string Busybox = Namespace + "/busybox:latest";

    /// <summary>Gets every name the image is tagged with (from <c>tests/infra/test-image.tags</c>).</summary>
    public static IReadOnlyList<string> All { get; } = ReadTags();

    /// <summary>The name of the test image standing in for a Kolla service image.</summary>
    /// <param name="service">A name from <see cref="All"/> without namespace and tag, e.g. <c>keystone</c>.</param>
    /// <returns>For example <c>kolla-test/keystone:test</c>.</returns>
    /// <exception cref="ArgumentException">The image is not tagged with that name.</exception>
    public static string For(string service)
    {
        var name = $"{Namespace}/{service}:{Tag}";
        return All.Contains(name, StringComparer.Ordinal)
            ? name
            : throw new ArgumentException($"The test image has no tag {name}; add it to tests/infra/test-image.tags.", nameof(service));
    }

    private static string[] ReadTags() =>
        [.. File.ReadAllLines(Path.Combine(TestRig.InfraDirectory, "test-image.tags"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))];
}
