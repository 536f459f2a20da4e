namespace Kolla.Images;

/// <summary>The images to build, parents before children, and the images left out.</summary>
/// <param name="Steps">Selected images, roots first.</param>
/// <param name="NotMatched">Images of the tree the selection left out, by name.</param>
public sealed record BuildPlan(IReadOnlyList<BuildStep> Steps, IReadOnlyList<string> NotMatched)
{
    /// <summary>The selected children of an image.</summary>
    public IEnumerable<BuildStep> ChildrenOf(string name) => Steps.Where(s => s.Parent == name);
}
