namespace Kolla.Variables;

/// <summary>One inventory host as the variable context needs it (the inventory adapts to this).</summary>
/// <param name="Name">The inventory hostname.</param>
/// <param name="GroupVars">Group variables that apply to the host, already merged in Ansible's group order.</param>
/// <param name="HostVars">The host's own variables.</param>
internal sealed record InventoryHostInput(
    string Name,
    IReadOnlyDictionary<string, object?> GroupVars,
    IReadOnlyDictionary<string, object?> HostVars);
