namespace Kolla.Containers;

/// <summary>An image reference split into repository and tag the way kolla does it (no digests).</summary>
/// <remarks>
/// kolla_container's rule: the tag is the text after the last <c>:</c> when the part after the first <c>/</c>
/// contains a <c>:</c>, else <c>latest</c>. So <c>registry:5000/kolla/keystone</c> is tag <c>latest</c>
/// and <c>quay.io/openstack.kolla/keystone:2025.1</c> is tag <c>2025.1</c>.
/// </remarks>
/// <param name="Repository">Everything before the tag.</param>
/// <param name="Tag">The tag, <c>latest</c> when none is given.</param>
public sealed record ImageReference(string Repository, string Tag)
{
    /// <summary>Splits a reference.</summary>
    /// <param name="image">Image reference, e.g. <c>quay.io/openstack.kolla/keystone:2025.1</c>.</param>
    /// <returns>Repository and tag.</returns>
    public static ImageReference Parse(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        var path = slash < 0 ? image : image[(slash + 1)..];
        if (!path.Contains(':', StringComparison.Ordinal))
        {
            return new ImageReference(image, "latest");
        }

        var colon = image.LastIndexOf(':');
        return new ImageReference(image[..colon], image[(colon + 1)..]);
    }

    /// <summary>The reference as <c>repository:tag</c>.</summary>
    /// <returns><c>repository:tag</c>.</returns>
    public override string ToString() => $"{Repository}:{Tag}";
}
