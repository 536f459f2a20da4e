using System.Text;
using Kolla.Compat;

namespace Kolla.Inventory;

/// <summary>
/// The three views <c>ansible-inventory</c> prints, byte for byte: <c>--list</c>, <c>--graph [GROUP]</c>
/// and <c>--host NAME</c>.
/// </summary>
public static class AnsibleInventoryFormatter
{
    /// <summary>Variables ansible-inventory leaves out of host variables (magic and run-time variables).</summary>
    public static IReadOnlySet<string> InternalVariables { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ansible_diff_mode", "ansible_config_file", "ansible_facts", "ansible_forks", "ansible_inventory_sources",
        "ansible_limit", "ansible_playbook_python", "ansible_run_tags", "ansible_skip_tags", "ansible_verbosity",
        "ansible_version", "inventory_dir", "inventory_file", "inventory_hostname", "inventory_hostname_short",
        "groups", "group_names", "omit", "playbook_dir",
    };

    /// <summary>
    /// The document of <c>ansible-inventory --list</c>: every group reachable from <c>all</c> with its
    /// direct hosts and children (empty groups left out), and <c>_meta.hostvars</c> with each host's merged
    /// variables (hosts without variables left out).
    /// </summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="extraVars">Extra variables (<c>-e</c>), or null.</param>
    /// <returns>The JSON text followed by a newline, as ansible-inventory prints it.</returns>
    public static string FormatList(Inventory inventory, IReadOnlyDictionary<string, object?>? extraVars = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var document = new Dictionary<string, object?>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddGroup(inventory, inventory.All, document, seen);

        // ansible lists the hosts of 'all' (a host cut off from every group by ungrouped's rules is not there).
        var hostvars = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var host in inventory.All.Hosts)
        {
            var vars = HostVariables(inventory, host.Name, extraVars);
            if (vars.Count > 0)
            {
                hostvars[host.Name] = vars;
            }
        }

        document["_meta"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["hostvars"] = hostvars };
        return JsonDumps.Write(document, JsonDumpsOptions.AnsibleInventory) + "\n";
    }

    /// <summary>The text of <c>ansible-inventory --graph [GROUP]</c>: the group tree with each group's direct hosts.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="group">The group to start at (default <c>all</c>).</param>
    /// <returns>The graph followed by a newline.</returns>
    /// <exception cref="InventoryException">The group does not exist.</exception>
    public static string FormatGraph(Inventory inventory, string group = InventoryGroup.AllName)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(group);
        if (!inventory.Groups.TryGetValue(group, out var start))
        {
            throw new InventoryException(null, null, $"Pattern must be valid group name when using --graph: {group}");
        }

        var lines = new List<string>();
        Graph(inventory, start, 0, lines);
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The document of <c>ansible-inventory --host NAME</c>: the host's merged variables.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="hostName">The host's inventory name.</param>
    /// <param name="extraVars">Extra variables (<c>-e</c>), or null.</param>
    /// <returns>The JSON text followed by a newline.</returns>
    /// <exception cref="InventoryException">The host does not exist.</exception>
    public static string FormatHost(Inventory inventory, string hostName, IReadOnlyDictionary<string, object?>? extraVars = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return JsonDumps.Write(HostVariables(inventory, hostName, extraVars), JsonDumpsOptions.AnsibleInventory) + "\n";
    }

    /// <summary>A host's variables as ansible-inventory shows them: inventory and vars-file layers plus extra vars, internal names removed.</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="hostName">The host's inventory name.</param>
    /// <param name="extraVars">Extra variables (<c>-e</c>), or null.</param>
    /// <returns>The merged variables.</returns>
    public static Dictionary<string, object?> HostVariables(Inventory inventory, string hostName, IReadOnlyDictionary<string, object?>? extraVars = null)
    {
        var vars = InventoryVarsLayers.ForHost(inventory, hostName, extraVars: extraVars).Merge();
        foreach (var name in InternalVariables)
        {
            vars.Remove(name);
        }

        return vars;
    }

    private static void AddGroup(Inventory inventory, InventoryGroup group, Dictionary<string, object?> document, HashSet<string> seen)
    {
        var entry = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (group.Name != InventoryGroup.AllName && group.DirectHosts.Count > 0)
        {
            entry["hosts"] = group.DirectHosts.Select(h => (object?)h.Name).ToList();
        }

        if (group.Children.Count > 0)
        {
            entry["children"] = group.Children.Select(c => (object?)c).ToList();
        }

        foreach (var child in group.Children)
        {
            if (seen.Add(child))
            {
                AddGroup(inventory, inventory.Groups[child], document, seen);
            }
        }

        if (entry.Count > 0)
        {
            document[group.Name] = entry;
        }
    }

    private static void Graph(Inventory inventory, InventoryGroup group, int depth, List<string> lines)
    {
        lines.Add(GraphName("@" + group.Name + ":", depth));
        foreach (var child in group.Children)
        {
            Graph(inventory, inventory.Groups[child], depth + 1, lines);
        }

        if (group.Name != InventoryGroup.AllName)
        {
            foreach (var host in group.DirectHosts)
            {
                lines.Add(GraphName(host.Name, depth + 1));
            }
        }
    }

    private static string GraphName(string name, int depth)
    {
        if (depth == 0)
        {
            return name;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            sb.Append("  |");
        }

        return sb.Append("--").Append(name).ToString();
    }
}
