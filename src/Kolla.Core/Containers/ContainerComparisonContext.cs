namespace Kolla.Containers;

/// <summary>Facts about the target host that the field comparison needs besides the spec and the container.</summary>
/// <remarks>kolla_container looks these up itself (the desired image, the host's time zone).</remarks>
public sealed record ContainerComparisonContext
{
    /// <summary>No image known, time zone UTC.</summary>
    public static ContainerComparisonContext Default { get; } = new();

    /// <summary>The local image the spec's reference resolves to, or null when it is not present (then <c>image</c> differs and <c>labels</c> is not checked).</summary>
    public ImageState? DesiredImage { get; init; }

    /// <summary>The target's time zone, injected as <c>TZ</c> unless the spec sets it; null means <c>UTC</c>.</summary>
    public string? TimeZone { get; init; }
}
