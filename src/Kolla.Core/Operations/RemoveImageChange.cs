using Kolla.Changes;

namespace Kolla.Operations;

/// <summary>Remove a local Kolla image that nothing uses (<c>kolla prune-images</c>).</summary>
/// <param name="ImageId">Image id (<c>sha256:...</c>).</param>
/// <param name="RepoTags">Its <c>repository:tag</c> names (empty for a dangling image).</param>
public sealed record RemoveImageChange(string ImageId, IReadOnlyList<string> RepoTags) : HostChange("")
{
    /// <inheritdoc/>
    public override string Describe() =>
        RepoTags.Count == 0 ? $"remove image {ShortId} (untagged)" : $"remove image {string.Join(", ", RepoTags)} ({ShortId})";

    private string ShortId => ImageId.StartsWith("sha256:", StringComparison.Ordinal) && ImageId.Length >= 19 ? ImageId[7..19] : ImageId;
}
