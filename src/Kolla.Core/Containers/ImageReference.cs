namespace Kolla.Containers;

/// <summary>An image reference split into repository and tag the way kolla does it (no digests).</summary>
/// <remarks>
/// <para>kolla_container's rule: the tag is the text after the last <c>:</c> when the part after the first <c>/</c>
/// contains a <c>:</c>. So <c>registry:5000/kolla/keystone</c> has no tag and <c>quay.io/openstack.kolla/keystone:2025.1</c>
/// has tag <c>2025.1</c>.</para>
/// <para>Two uses, one rule: a name kolla-ansible builds (<c>&lt;service&gt;_image_full</c>) must carry a tag, so
/// <see cref="Parse(string, string?)"/> without a default tag rejects one without; an image a container runs or an engine
/// pulls means <c>latest</c> when it has none: <c>Parse(image, ImageReference.LatestTag)</c>.</para>
/// </remarks>
/// <param name="Repository">Everything before the tag, registry included (kolla-ansible's <c>&lt;service&gt;_image</c>).</param>
/// <param name="Tag">The tag.</param>
public sealed record ImageReference(string Repository, string Tag)
{
    /// <summary>The tag of a reference written without one, for Docker and kolla_container.</summary>
    public const string LatestTag = "latest";

    /// <summary>The registry host (with port): the first segment when it has a dot or a port or is <c>localhost</c>; else null.</summary>
    public string? Registry
    {
        get
        {
            var slash = Repository.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                return null;
            }

            var first = Repository[..slash];
            return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? first : null;
        }
    }

    /// <summary>The last path segment, for example <c>nova-compute</c>.</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>Splits a reference.</summary>
    /// <param name="reference">Image reference, e.g. <c>quay.io/openstack.kolla/keystone:2025.1</c>.</param>
    /// <param name="defaultTag">
    /// The tag of a reference written without one (<see cref="LatestTag"/> for what Docker runs); null when the reference must be
    /// complete: a tag, and no empty repository or path segment at either end.
    /// </param>
    /// <returns>Repository and tag.</returns>
    /// <exception cref="ArgumentException">The reference is null, empty or white space.</exception>
    /// <exception cref="FormatException">Without <paramref name="defaultTag"/>: no tag, or an empty part.</exception>
    public static ImageReference Parse(string reference, string? defaultTag = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        var path = slash < 0 ? reference : reference[(slash + 1)..];
        if (!path.Contains(':', StringComparison.Ordinal))
        {
            return defaultTag is not null
                ? new ImageReference(reference, defaultTag)
                : throw new FormatException($"image reference '{reference}' has no tag");
        }

        var colon = reference.LastIndexOf(':');
        var parsed = new ImageReference(reference[..colon], reference[(colon + 1)..]);
        if (defaultTag is null)
        {
            if (parsed.Tag.Length == 0 || parsed.Tag.Contains('/', StringComparison.Ordinal))
            {
                throw new FormatException($"image reference '{reference}' has no tag");
            }

            if (parsed.Repository.Length == 0 || parsed.Repository.StartsWith('/') || parsed.Repository.EndsWith('/'))
            {
                throw new FormatException($"image reference '{reference}' has an empty name");
            }
        }

        return parsed;
    }

    /// <summary>The reference as <c>repository:tag</c> (kolla-ansible's <c>&lt;service&gt;_image_full</c>).</summary>
    /// <returns><c>repository:tag</c>.</returns>
    public override string ToString() => $"{Repository}:{Tag}";
}
