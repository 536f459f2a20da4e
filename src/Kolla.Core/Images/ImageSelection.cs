namespace Kolla.Images;

/// <summary>Which images to build: positional patterns and/or a profile; neither means all.</summary>
/// <param name="Patterns">Regular expressions searched (unanchored) in image names, OR-ed.</param>
/// <param name="Profile">A profile name from the tree's <c>profiles.yml</c> or the built-in map.</param>
public sealed record ImageSelection(IReadOnlyList<string> Patterns, string? Profile = null)
{
    /// <summary>Every image.</summary>
    public static ImageSelection All { get; } = new([]);
}
