namespace Kolla.Images;

/// <summary>An image of the tree: its folder's <c>Dockerfile.j2</c> and the other files of its build context.</summary>
/// <param name="Name">The folder name, which is the image name (<c>nova-compute</c>).</param>
/// <param name="TemplatePath">Where the Dockerfile template came from (for messages).</param>
/// <param name="Template">The Dockerfile template text.</param>
/// <param name="Files">The other files; names ending in <c>.j2</c> are rendered and written without the suffix.</param>
public sealed record ImageDefinition(string Name, string TemplatePath, string Template, IReadOnlyList<ImageFile> Files)
{
    /// <summary>The name with dashes as underscores, as used in block and variable names (<c>nova_compute</c>).</summary>
    public string UnderscoredName => Name.Replace('-', '_');
}
