namespace Kolla.Inventory;

/// <summary>One named set of inventory variables in a host's stack (<see cref="InventoryVarsLayers"/>).</summary>
/// <param name="Kind">Where the variables come from.</param>
/// <param name="Name">A readable name: the group, host or file the layer stands for.</param>
/// <param name="Values">The variables (plain values; treat as read-only).</param>
internal sealed record InventoryVarsLayer(InventoryVarsLayerKind Kind, string Name, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>Where each variable of the layer was written, when known (inventory files and vars files); empty otherwise.</summary>
    public IReadOnlyDictionary<string, InventoryLocation> Locations { get; init; } = new Dictionary<string, InventoryLocation>();
}
