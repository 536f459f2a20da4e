using System.Text.RegularExpressions;

namespace Kolla.Images;

/// <summary>An image with its Dockerfile rendered and its place in the tree found.</summary>
/// <param name="Name">The image name.</param>
/// <param name="Reference">The tag it is built as.</param>
/// <param name="TemplatePath">The Dockerfile template it came from.</param>
/// <param name="Dockerfile">The rendered Dockerfile.</param>
/// <param name="Files">The rest of the build context (<c>.j2</c> files rendered, suffix dropped).</param>
/// <param name="From">The first <c>FROM</c> reference.</param>
/// <param name="FromLine">Its line in the rendered Dockerfile.</param>
/// <param name="Parent">The parent image in the tree, or null for a root image.</param>
public sealed partial record RenderedImage(
    string Name,
    string Reference,
    string TemplatePath,
    string Dockerfile,
    IReadOnlyList<ImageFile> Files,
    string From,
    int FromLine,
    string? Parent)
{
    /// <summary>True when the context holds <paramref name="path"/>.</summary>
    public bool HasFile(string path) => Files.Any(f => f.Path == path);

    /// <summary>True when a <c>COPY</c>/<c>ADD</c> line takes <paramref name="path"/> from the build context.</summary>
    public bool CopiesFromContext(string path) =>
        CopyLine().Matches(Dockerfile).Any(m => m.Groups["sources"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Contains(path));

    [GeneratedRegex(@"^\s*(?:COPY|ADD)\s+(?:--\S+\s+)*(?<sources>[^\r\n]+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CopyLine();
}
