namespace Kolla.Facts;

/// <summary>A distribution file's content.</summary>
/// <param name="NonEmpty">Whether the file has at least one byte.</param>
/// <param name="Content">The whole text (no trailing newline needed).</param>
internal sealed record ReleaseFile(bool NonEmpty, string Content);
