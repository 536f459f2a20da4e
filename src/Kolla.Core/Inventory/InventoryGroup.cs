namespace Kolla.Inventory;

/// <summary>One group of an inventory: its direct hosts, child and parent groups, and variables.</summary>
/// <remarks>
/// <see cref="Hosts"/> is the resolved membership: the group's own hosts, then those of its child
/// groups level by level (ansible-core's <c>Group.get_hosts()</c>; where Ansible's order among
/// grandchildren depends on Python set ordering, this takes the children's declaration order).
/// </remarks>
public sealed class InventoryGroup
{
    /// <summary>The implicit group every host and group belongs to.</summary>
    public const string AllName = "all";

    /// <summary>The implicit group of hosts that belong to no other group.</summary>
    public const string UngroupedName = "ungrouped";

    internal InventoryGroup(
        string name,
        IReadOnlyList<string> children,
        IReadOnlyList<string> parents,
        IReadOnlyList<InventoryHost> directHosts,
        IReadOnlyList<InventoryHost> hosts,
        IReadOnlyDictionary<string, object?> vars,
        IReadOnlyList<InventoryVarsFile> varsFiles,
        int depth,
        int priority,
        InventoryLocation? location,
        IReadOnlyDictionary<string, InventoryLocation>? varLocations = null)
    {
        Name = name;
        Children = children;
        Parents = parents;
        DirectHosts = directHosts;
        Hosts = hosts;
        Vars = vars;
        VarsFiles = varsFiles;
        Depth = depth;
        Priority = priority;
        Location = location;
        VarLocations = varLocations ?? new Dictionary<string, InventoryLocation>();
        VarsLayer = new InventoryVarsLayer(InventoryVarsLayerKind.InventoryGroup, $"group {name}", vars) { Locations = VarLocations };
    }

    /// <summary>The group name as written.</summary>
    public string Name { get; }

    /// <summary>Names of the direct child groups, in the order they were added.</summary>
    public IReadOnlyList<string> Children { get; }

    /// <summary>Names of the direct parent groups, in the order they were added.</summary>
    public IReadOnlyList<string> Parents { get; }

    /// <summary>Hosts listed in this group itself, in the order they were added.</summary>
    public IReadOnlyList<InventoryHost> DirectHosts { get; }

    /// <summary>Every host of the group: its own and those of all descendant groups, without duplicates.</summary>
    public IReadOnlyList<InventoryHost> Hosts { get; }

    /// <summary>Variables set for the group in the inventory sources (<c>[g:vars]</c>, YAML <c>vars:</c>).</summary>
    public IReadOnlyDictionary<string, object?> Vars { get; }

    /// <summary>Files from <c>group_vars/</c> beside the inventory sources, in the order Ansible merges them.</summary>
    public IReadOnlyList<InventoryVarsFile> VarsFiles { get; }

    /// <summary>The longest distance from <c>all</c> (0 for <c>all</c>); deeper groups' variables win.</summary>
    public int Depth { get; }

    /// <summary>The <c>ansible_group_priority</c> (default 1); among groups of equal depth the higher wins.</summary>
    public int Priority { get; }

    /// <summary>Where the group was first declared, or null for the implicit <c>all</c> and <c>ungrouped</c>.</summary>
    public InventoryLocation? Location { get; }

    /// <summary>Where each of <see cref="Vars"/> was last set in the inventory sources (empty when unknown).</summary>
    public IReadOnlyDictionary<string, InventoryLocation> VarLocations { get; }

    /// <summary>The group's inventory variables as a precedence layer (built once, shared by every host).</summary>
    internal InventoryVarsLayer VarsLayer { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
