namespace Kolla.Inventory;

/// <summary>One host of an inventory, as ansible-core sees it after every source is read.</summary>
/// <remarks>
/// <see cref="Name"/> is the name exactly as written (ansible's <c>inventory_hostname</c>); it keys
/// hostvars, per-host override paths and group tests. Where Ansible connects is a variable
/// (<c>ansible_host</c>), resolved through <see cref="InventoryVarsLayers"/>.
/// Values in <see cref="Vars"/> are plain .NET objects and must be treated as read-only.
/// </remarks>
/// <param name="Name">The host name as written in the inventory (<c>inventory_hostname</c>).</param>
/// <param name="Vars">
/// Variables given for the host in the inventory sources (INI inline <c>key=value</c>, YAML host
/// mappings, and <c>ansible_port</c> from <c>host:port</c>), later sources overriding earlier ones.
/// </param>
/// <param name="VarsFiles">Files from <c>host_vars/</c> beside the inventory sources, in the order Ansible merges them.</param>
/// <param name="GroupNames">Every group the host belongs to, directly or through a child group, sorted, without <c>all</c> (ansible's <c>group_names</c>).</param>
/// <param name="Location">Where the host was first declared.</param>
public sealed record InventoryHost(
    string Name,
    IReadOnlyDictionary<string, object?> Vars,
    IReadOnlyList<InventoryVarsFile> VarsFiles,
    IReadOnlyList<string> GroupNames,
    InventoryLocation? Location)
{
    /// <summary>Where each of <see cref="Vars"/> was last set in the inventory sources (empty when unknown).</summary>
    public IReadOnlyDictionary<string, InventoryLocation> VarLocations { get; init; } = new Dictionary<string, InventoryLocation>();

    /// <summary>
    /// The SSH port given in the inventory itself (<c>host:port</c> or an integer <c>ansible_port</c>
    /// host variable), or null. Group variables may still set <c>ansible_port</c>.
    /// </summary>
    public int? Port => Vars.TryGetValue("ansible_port", out var port) && port is long value && value is > 0 and <= 65535
        ? (int)value
        : null;

    /// <summary>Whether the host belongs to the group, directly or through a child group (<c>all</c> included).</summary>
    /// <param name="groupName">The group name.</param>
    /// <returns>True when the host is a member.</returns>
    public bool IsInGroup(string groupName)
    {
        ArgumentNullException.ThrowIfNull(groupName);
        return groupName == InventoryGroup.AllName || GroupNames.Contains(groupName, StringComparer.Ordinal);
    }
}
