namespace Kolla.Inventory;

/// <summary>Where something was first declared in an inventory source.</summary>
/// <param name="File">The inventory file (absolute path).</param>
/// <param name="Line">The 1-based line.</param>
public sealed record InventoryLocation(string File, int Line)
{
    /// <summary>Formats as <c>FILE:LINE</c>.</summary>
    /// <returns>The location text.</returns>
    public override string ToString() => $"{File}:{Line}";
}
