namespace Kolla.Inventory;

/// <summary>
/// One file of variables found beside an inventory source, in <c>group_vars/</c> or <c>host_vars/</c>
/// (ansible's <c>host_group_vars</c> vars plugin).
/// </summary>
/// <param name="Path">The file read (absolute path).</param>
/// <param name="SourceIndex">
/// Index into <see cref="Inventory.Sources"/> of the inventory source the file sits beside; files of a
/// later source win over files of an earlier one.
/// </param>
/// <param name="Values">The variables the file defines (plain values, see <see cref="InventoryVarsLayers"/>).</param>
public sealed record InventoryVarsFile(string Path, int SourceIndex, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>The 1-based line of each top-level key of <see cref="Values"/> (empty when unknown).</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>The file's variables as a precedence layer, with their locations.</summary>
    internal InventoryVarsLayer ToLayer(InventoryVarsLayerKind kind) => new(kind, Path, Values)
    {
        Locations = Lines.ToDictionary(l => l.Key, l => new InventoryLocation(Path, l.Value), StringComparer.Ordinal),
    };
}
