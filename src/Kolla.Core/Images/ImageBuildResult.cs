namespace Kolla.Images;

/// <summary>The outcome of one image.</summary>
/// <param name="Name">The image name.</param>
/// <param name="Reference">The tag it was (to be) built as.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Error">What went wrong (with the last lines of its log), when it failed.</param>
/// <param name="LogFile">Its build log, when one was written.</param>
public sealed record ImageBuildResult(string Name, string Reference, ImageBuildStatus Status, string? Error = null, string? LogFile = null)
{
    /// <summary>The status as kolla-build's summary spells it (<c>built</c>, <c>skipped</c>, <c>error</c>, <c>parent_error</c>).</summary>
    public string StatusName => Status switch
    {
        ImageBuildStatus.Built => "built",
        ImageBuildStatus.Skipped => "skipped",
        ImageBuildStatus.ParentError => "parent_error",
        _ => "error",
    };
}
