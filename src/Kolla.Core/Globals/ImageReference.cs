namespace Kolla.Globals;

/// <summary>A container image reference as kolla-ansible builds it: <c>[registry/]namespace/name:tag</c>.</summary>
/// <param name="Registry">The registry host (with port), or null when the reference has none.</param>
/// <param name="Repository">The path after the registry, for example <c>openstack.kolla/nova-compute</c>.</param>
/// <param name="Tag">The tag.</param>
public sealed record ImageReference(string? Registry, string Repository, string Tag)
{
    /// <summary>The image without tag, kolla-ansible's <c>&lt;service&gt;_image</c>.</summary>
    public string Image => Registry is null ? Repository : $"{Registry}/{Repository}";

    /// <summary>The last path segment, for example <c>nova-compute</c>.</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>Splits a reference. The first segment is a registry when it has a dot or a port, or is <c>localhost</c>.</summary>
    /// <exception cref="FormatException">No tag, or an empty part.</exception>
    public static ImageReference Parse(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var lastSlash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        if (colon <= lastSlash || colon == reference.Length - 1)
        {
            throw new FormatException($"image reference '{reference}' has no tag");
        }

        var image = reference[..colon];
        var tag = reference[(colon + 1)..];
        var firstSlash = image.IndexOf('/');
        if (firstSlash > 0)
        {
            var first = image[..firstSlash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                return new ImageReference(first, image[(firstSlash + 1)..], tag);
            }
        }

        if (image.Length == 0 || image.StartsWith('/') || image.EndsWith('/'))
        {
            throw new FormatException($"image reference '{reference}' has an empty name");
        }

        return new ImageReference(null, image, tag);
    }

    /// <summary>The full reference, kolla-ansible's <c>&lt;service&gt;_image_full</c>.</summary>
    public override string ToString() => $"{Image}:{Tag}";
}
