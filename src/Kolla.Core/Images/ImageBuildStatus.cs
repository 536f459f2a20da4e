namespace Kolla.Images;

/// <summary>How one image's build ended.</summary>
public enum ImageBuildStatus
{
    /// <summary>Built and tagged.</summary>
    Built,

    /// <summary>Not built: the image already existed (<c>--skip-existing</c>).</summary>
    Skipped,

    /// <summary>The build failed (summary status <c>error</c>).</summary>
    Error,

    /// <summary>Not built because its parent failed (summary status <c>parent_error</c>).</summary>
    ParentError,
}
