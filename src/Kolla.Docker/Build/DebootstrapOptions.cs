namespace Kolla.Docker.Build;

/// <summary>How <see cref="DebootstrapRootfs"/> makes the base image.</summary>
public sealed record DebootstrapOptions
{
    /// <summary>Debian suite (<c>bookworm</c>).</summary>
    public string Suite { get; init; } = "bookworm";

    /// <summary>Archive URL; null means <see cref="DebianMirror.Detect"/>.</summary>
    public string? Mirror { get; init; }

    /// <summary>The image the rootfs is imported as, e.g. <c>kolla/debian-rootfs:bookworm</c>.</summary>
    public required string Reference { get; init; }

    /// <summary>Rebuild even when the image exists.</summary>
    public bool Rebuild { get; init; }

    /// <summary>Scratch folder for the rootfs (removed afterwards).</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Where debootstrap's output goes.</summary>
    public required string LogFile { get; init; }
}
