namespace Kolla.Manifests;

/// <summary>How <see cref="ConfigManifestWriter"/> lays out the lists of a manifest.</summary>
/// <param name="InlineClose">Lists (<c>config_files</c>, <c>permissions</c>, ...) whose closing bracket follows the last entry on its line.</param>
internal sealed record ConfigManifestLayout(IReadOnlyList<string> InlineClose)
{
    /// <summary>Every list closes on a line of its own.</summary>
    public static ConfigManifestLayout Standard { get; } = new([]);

    /// <summary>kolla-ansible's most common layout: <c>config_files</c> closes on its last entry's line.</summary>
    public static ConfigManifestLayout KollaAnsible { get; } = new(["config_files"]);
}
