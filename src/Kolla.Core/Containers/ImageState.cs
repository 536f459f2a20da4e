namespace Kolla.Containers;

/// <summary>What a runtime observed about one local image.</summary>
/// <param name="Id">Image id (<c>sha256:...</c>).</param>
/// <param name="RepoTags">Its <c>repository:tag</c> names.</param>
/// <param name="Labels">Labels from the image config (Kolla images carry <c>kolla_version</c>, <c>build-date</c>, ...).</param>
public sealed record ImageState(string Id, IReadOnlyList<string> RepoTags, IReadOnlyDictionary<string, string> Labels);
