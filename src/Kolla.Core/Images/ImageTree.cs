namespace Kolla.Images;

/// <summary>A set of image definitions and the profiles that select among them.</summary>
/// <param name="Source">Where the tree came from (a directory or the embedded default).</param>
/// <param name="Images">The images by name.</param>
/// <param name="Profiles">Profile name → image name patterns (the tree's <c>profiles.yml</c>, else the built-in map).</param>
public sealed record ImageTree(
    string Source,
    IReadOnlyDictionary<string, ImageDefinition> Images,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Profiles);
