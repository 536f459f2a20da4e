namespace Kolla.Images;

/// <summary>One image to build, after its parent.</summary>
/// <param name="Image">The rendered image.</param>
/// <param name="Depth">0 for a root image, its parent's depth + 1 otherwise.</param>
public sealed record BuildStep(RenderedImage Image, int Depth)
{
    /// <summary>The image name.</summary>
    public string Name => Image.Name;

    /// <summary>The parent image, or null for a root.</summary>
    public string? Parent => Image.Parent;
}
