namespace Kolla.Variables;

/// <summary>The inventory as the variable context needs it: hosts in order and group membership.</summary>
/// <param name="Hosts">Every host, in inventory order.</param>
/// <param name="Groups">Group name to ordered host names (children already expanded); <c>all</c> and <c>ungrouped</c> are added when absent.</param>
internal sealed record InventoryInput(
    IReadOnlyList<InventoryHostInput> Hosts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Groups);
