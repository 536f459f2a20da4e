using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace Kolla.Inventory;

/// <summary>
/// An Ansible inventory as ansible-core 2.14 resolves it: hosts in order of first appearance, groups
/// with their children, parents and variables, the implicit <c>all</c> and <c>ungrouped</c>, and the
/// resolved membership of every group. Immutable; load one with <see cref="InventoryLoader"/>.
/// </summary>
/// <example>
/// <code>
/// Inventory inventory = await InventoryLoader.LoadAsync(["multinode"], cancellationToken);
/// IReadOnlyList&lt;InventoryHost&gt; mariadb = inventory.Groups["mariadb"].Hosts;   // control01..03
/// IReadOnlyDictionary&lt;string, object?&gt; vars = InventoryVarsLayers.ForHost(inventory, "control01").Merge();
/// </code>
/// </example>
public sealed class Inventory
{
    private readonly OrderedDictionary<string, InventoryHost> _hosts;

    // Hosts in the same groups share their group_names list, so the sorted groups are computed once per list.
    private readonly ConcurrentDictionary<IReadOnlyList<string>, IReadOnlyList<InventoryGroup>> _variableGroups =
        new(ReferenceEqualityComparer.Instance);

    internal Inventory(
        IReadOnlyList<string> sources,
        OrderedDictionary<string, InventoryGroup> groups,
        OrderedDictionary<string, InventoryHost> hosts,
        IReadOnlyList<string> warnings)
    {
        Sources = sources;
        Groups = new ReadOnlyDictionary<string, InventoryGroup>(groups);
        _hosts = hosts;
        Hosts = hosts.Values.ToList().AsReadOnly();
        Warnings = warnings;
    }

    /// <summary>The inventory sources read, in order (absolute paths; later sources win for variables).</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Every group by name, enumerated in order of creation (<c>all</c> and <c>ungrouped</c> first).</summary>
    public IReadOnlyDictionary<string, InventoryGroup> Groups { get; }

    /// <summary>Every host, in order of first appearance across the sources.</summary>
    public IReadOnlyList<InventoryHost> Hosts { get; }

    /// <summary>The implicit group that holds every group and host.</summary>
    public InventoryGroup All => Groups[InventoryGroup.AllName];

    /// <summary>The implicit group of hosts that are in no other group.</summary>
    public InventoryGroup Ungrouped => Groups[InventoryGroup.UngroupedName];

    /// <summary>Things ansible would warn about (skipped YAML keys, a host and a group of the same name).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Finds a host by its inventory name.</summary>
    /// <param name="name">The <c>inventory_hostname</c>.</param>
    /// <param name="host">The host, when found.</param>
    /// <returns>True when the inventory has the host.</returns>
    public bool TryGetHost(string name, [NotNullWhen(true)] out InventoryHost? host)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _hosts.TryGetValue(name, out host);
    }

    /// <summary>Returns a host by its inventory name.</summary>
    /// <param name="name">The <c>inventory_hostname</c>.</param>
    /// <returns>The host.</returns>
    /// <exception cref="InventoryException">No host has that name.</exception>
    public InventoryHost GetHost(string name) =>
        TryGetHost(name, out var host) ? host : throw new InventoryException(null, null, $"host '{name}' is not in the inventory");

    /// <summary>Returns a group by name.</summary>
    /// <param name="name">The group name.</param>
    /// <returns>The group.</returns>
    /// <exception cref="InventoryException">No group has that name.</exception>
    public InventoryGroup GetGroup(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Groups.TryGetValue(name, out var group) ? group : throw new InventoryException(null, null, $"group '{name}' is not in the inventory");
    }

    /// <summary>
    /// The groups whose variables apply to a host, in ansible's merge order: by depth, then
    /// <c>ansible_group_priority</c>, then name (its <c>sort_groups</c>), without <c>all</c>.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <returns>The groups, lowest precedence first.</returns>
    public IReadOnlyList<InventoryGroup> VariableGroupsOf(InventoryHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return _variableGroups.GetOrAdd(host.GroupNames, names => names
            .Select(name => Groups[name])
            .OrderBy(g => g.Depth)
            .ThenBy(g => g.Priority)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList()
            .AsReadOnly());
    }

    /// <summary>The hosts a host pattern selects (see <see cref="HostPattern"/>).</summary>
    /// <param name="pattern">An Ansible host pattern, e.g. <c>control:&amp;network</c> or <c>web*,!web3</c>.</param>
    /// <returns>The hosts, in Ansible's order.</returns>
    /// <exception cref="InventoryException">The pattern, or one of its terms, matches nothing.</exception>
    public IReadOnlyList<InventoryHost> Select(string pattern) => HostPattern.Parse(pattern).Select(this);
}
