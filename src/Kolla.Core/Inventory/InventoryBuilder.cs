using System.Numerics;

namespace Kolla.Inventory;

/// <summary>
/// The mutable inventory the parsers fill, with ansible-core's <c>InventoryData</c> rules: groups and
/// hosts in order of creation, the implicit <c>all</c> and <c>ungrouped</c>, cycle checks when a child
/// group is added, and the final reconciliation. <see cref="Build"/> makes the immutable <see cref="Inventory"/>.
/// </summary>
internal sealed class InventoryBuilder
{
    private readonly OrderedDictionary<string, GroupData> _groups = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, HostData> _hosts = new(StringComparer.Ordinal);
    private readonly List<string> _sources = [];
    private readonly List<string> _warnings = [];

    public InventoryBuilder()
    {
        AddGroup(InventoryGroup.AllName, null);
        AddGroup(InventoryGroup.UngroupedName, null);
        AddChild(InventoryGroup.AllName, InventoryGroup.UngroupedName, null);
    }

    /// <summary>The limits on hosts (docs/limits.md).</summary>
    public KollaLimits Limits { get; init; } = KollaLimits.FromEnvironment();

    /// <summary>The file being parsed (errors and locations name it).</summary>
    public string CurrentFile { get; set; } = "<inventory>";

    public IReadOnlyList<string> Sources => _sources;

    public IEnumerable<string> GroupNames => _groups.Keys;

    public IEnumerable<string> HostNames => _hosts.Keys;

    public void AddSource(string source) => _sources.Add(source);

    public void Warn(string message) => _warnings.Add(message);

    public bool HasGroup(string name) => _groups.ContainsKey(name);

    public bool HasHost(string name) => _hosts.ContainsKey(name);

    /// <summary>ansible's <c>add_group</c>: creates the group when new.</summary>
    public void AddGroup(string name, int? line)
    {
        if (!_groups.ContainsKey(name))
        {
            _groups.Add(name, new GroupData(name, line is { } l ? new InventoryLocation(CurrentFile, l) : null));
        }
    }

    /// <summary>ansible's <c>add_host</c>: creates the host when new (the port counts only then) and adds it to the group.</summary>
    public void AddHost(string name, string? group, int? port, int line)
    {
        if (name.Length == 0)
        {
            throw new InventoryException(CurrentFile, line, "Invalid empty host name provided");
        }

        if (!_hosts.TryGetValue(name, out var host))
        {
            if (_hosts.Count >= Limits.MaxInventoryHosts)
            {
                throw new InventoryException(
                    CurrentFile, line, $"the inventory holds more than {Limits.MaxInventoryHosts} hosts (set {KollaLimits.InventoryHostsVariable} to allow more)");
            }

            host = new HostData(name, new InventoryLocation(CurrentFile, line), _hosts.Count);
            if (port is > 0)
            {
                host.Vars["ansible_port"] = (long)port.Value;
            }

            _hosts.Add(name, host);
        }

        if (group is not null)
        {
            var g = _groups[group];
            if (g.HostNames.Add(name))
            {
                g.Hosts.Add(host);
                host.Groups.Add(g);
            }
        }
    }

    /// <summary>ansible's <c>set_variable</c> on a group or host (a group's <c>ansible_group_priority</c> sets its priority).</summary>
    public void SetVariable(string entity, string key, object? value, int line)
    {
        if (_groups.TryGetValue(entity, out var group))
        {
            if (key == "ansible_group_priority")
            {
                group.Priority = ToPriority(value, line) ?? group.Priority;
            }
            else
            {
                group.Vars[key] = value;
                group.VarLocations[key] = new InventoryLocation(CurrentFile, line);
            }
        }
        else if (_hosts.TryGetValue(entity, out var host))
        {
            host.Vars[key] = value;
            host.VarLocations[key] = new InventoryLocation(CurrentFile, line);
        }
        else
        {
            throw new InventoryException(CurrentFile, line, $"Could not identify group or host named {entity}");
        }
    }

    // Python's int(value); values int() rejects with TypeError (None, lists) leave the priority alone.
    private int? ToPriority(object? value, int line)
    {
        return value switch
        {
            long l => (int)Math.Clamp(l, int.MinValue, int.MaxValue),
            BigInteger b => b > int.MaxValue ? int.MaxValue : b < int.MinValue ? int.MinValue : (int)b,
            bool b => b ? 1 : 0,
            double d when double.IsFinite(d) => (int)Math.Clamp(Math.Truncate(d), int.MinValue, int.MaxValue),
            string s when int.TryParse(s.Trim().Replace("_", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            string s => throw new InventoryException(CurrentFile, line, $"ansible_group_priority must be an integer, got '{s}'"),
            double => throw new InventoryException(CurrentFile, line, "ansible_group_priority must be a finite number"),
            _ => null,
        };
    }

    /// <summary>ansible's <c>add_child</c>: a group or a host into a group, refusing loops.</summary>
    public void AddChild(string parent, string child, int? line)
    {
        if (!_groups.TryGetValue(parent, out var p))
        {
            throw new InventoryException(CurrentFile, line, $"{parent} is not a known group");
        }

        if (_groups.TryGetValue(child, out var c))
        {
            if (ReferenceEquals(p, c))
            {
                throw new InventoryException(CurrentFile, line, $"can't add group '{child}' to itself");
            }

            if (p.Children.Contains(c))
            {
                return;
            }

            if (Reaches(c, p))
            {
                throw new InventoryException(CurrentFile, line, $"Adding group '{child}' as child to '{parent}' creates a recursive dependency loop.");
            }

            p.Children.Add(c);
            if (!c.Parents.Contains(p))
            {
                c.Parents.Add(p);
            }
        }
        else if (_hosts.ContainsKey(child))
        {
            AddHost(child, parent, null, line ?? 0);
        }
        else
        {
            throw new InventoryException(CurrentFile, line, $"{child} is not a known host nor group");
        }
    }

    // Whether `to` is `from` or one of its descendants: searched from both ends at once, one group a side in turn, so
    // the cost is that of the smaller side (adding a group to either end of a long chain costs one step, not the chain).
    private static bool Reaches(GroupData from, GroupData to)
    {
        var down = new Queue<GroupData>([from]);
        var up = new Queue<GroupData>([to]);
        var below = new HashSet<GroupData>(ReferenceEqualityComparer.Instance) { from };
        var above = new HashSet<GroupData>(ReferenceEqualityComparer.Instance) { to };
        if (ReferenceEquals(from, to))
        {
            return true;
        }

        while (down.Count > 0 && up.Count > 0)
        {
            foreach (var child in down.Dequeue().Children)
            {
                if (above.Contains(child))
                {
                    return true;
                }

                if (below.Add(child))
                {
                    down.Enqueue(child);
                }
            }

            foreach (var parent in up.Dequeue().Parents)
            {
                if (below.Contains(parent))
                {
                    return true;
                }

                if (above.Add(parent))
                {
                    up.Enqueue(parent);
                }
            }
        }

        return false;
    }

    // Every group after all of its parents (the graph has no cycle: AddChild refuses them); linear in groups and links.
    private List<GroupData> ParentsFirst()
    {
        var waiting = new Dictionary<GroupData, int>(ReferenceEqualityComparer.Instance);
        var order = new List<GroupData>(_groups.Count);
        foreach (var group in _groups.Values)
        {
            waiting[group] = group.Parents.Count;
            if (group.Parents.Count == 0)
            {
                order.Add(group);
            }
        }

        for (var next = 0; next < order.Count; next++)
        {
            foreach (var child in order[next].Children)
            {
                if (--waiting[child] == 0)
                {
                    order.Add(child);
                }
            }
        }

        return order;
    }

    private static HashSet<GroupData> Ancestors(GroupData group)
    {
        var seen = new HashSet<GroupData>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<GroupData>(group.Parents);
        while (stack.Count > 0)
        {
            var g = stack.Pop();
            if (seen.Add(g))
            {
                foreach (var parent in g.Parents)
                {
                    stack.Push(parent);
                }
            }
        }

        return seen;
    }

    /// <summary>Attaches a <c>group_vars/</c> file to a group.</summary>
    public void AddGroupVarsFile(string group, InventoryVarsFile file) => _groups[group].VarsFiles.Add(file);

    /// <summary>Attaches a <c>host_vars/</c> file to a host.</summary>
    public void AddHostVarsFile(string host, InventoryVarsFile file) => _hosts[host].VarsFiles.Add(file);

    /// <summary>
    /// ansible's <c>reconcile_inventory</c>: every group without a parent goes under <c>all</c>; a host in
    /// no group but <c>all</c> goes to <c>ungrouped</c>; a host also in a real group leaves <c>ungrouped</c>.
    /// </summary>
    public void Reconcile()
    {
        var all = _groups[InventoryGroup.AllName];
        var ungrouped = _groups[InventoryGroup.UngroupedName];
        foreach (var group in _groups.Values.ToList())
        {
            if (!ReferenceEquals(group, all) && group.Parents.Count == 0)
            {
                AddChild(all.Name, group.Name, null);
            }
        }

        // Per group: does it (or an ancestor) make a host a member of ungrouped, or of a real group? Parents first, so
        // each group combines its parents' answers.
        var flags = new Dictionary<GroupData, (bool Ungrouped, bool Other)>(ReferenceEqualityComparer.Instance);
        foreach (var g in ParentsFirst())
        {
            var f = (Ungrouped: ReferenceEquals(g, ungrouped), Other: !ReferenceEquals(g, all) && !ReferenceEquals(g, ungrouped));
            foreach (var parent in g.Parents)
            {
                f = (f.Ungrouped || flags[parent].Ungrouped, f.Other || flags[parent].Other);
            }

            flags[g] = f;
        }

        (bool Ungrouped, bool Other) FlagsOf(GroupData g) => flags[g];

        foreach (var host in _hosts.Values)
        {
            var inUngrouped = false;
            var inOther = false;
            foreach (var g in host.Groups)
            {
                var (u, o) = FlagsOf(g);
                inUngrouped |= u;
                inOther |= o;
            }

            if (inUngrouped)
            {
                if (inOther && ungrouped.HostNames.Remove(host.Name))
                {
                    ungrouped.Hosts.Remove(host);
                    host.Groups.Remove(ungrouped);
                }
            }
            else if (!inOther)
            {
                // In no group, or in 'all' alone.
                AddHost(host.Name, ungrouped.Name, null, 0);
            }
        }

        foreach (var conflict in _groups.Keys.Where(_hosts.ContainsKey))
        {
            Warn($"Found both group and host with same name: {conflict}");
        }
    }

    /// <summary>Freezes the inventory: depths, resolved memberships, group_names.</summary>
    public Inventory Build()
    {
        // Depth: the longest way down from a group without parents, parents first; too deep a group is refused where it is.
        var depth = new Dictionary<GroupData, int>(ReferenceEqualityComparer.Instance);
        foreach (var group in ParentsFirst())
        {
            var d = group.Parents.Count == 0 ? 0 : group.Parents.Max(p => depth[p]) + 1;
            if (d > KollaLimits.InventoryGroupDepth)
            {
                throw new InventoryException(
                    group.Location?.File, group.Location?.Line, $"group '{group.Name}' is nested more than {KollaLimits.InventoryGroupDepth} levels below 'all'");
            }

            depth[group] = d;
        }

        // Hosts first (they do not refer to groups), then groups. Hosts in the same groups share one
        // group_names list (a 5,000-host compute group would otherwise hold 5,000 copies).
        var groupNamesBySet = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var groupIndex = new Dictionary<GroupData, int>(ReferenceEqualityComparer.Instance);
        foreach (var group in _groups.Values)
        {
            groupIndex[group] = groupIndex.Count;
        }

        var groupNamesOfHost = new Dictionary<HostData, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        foreach (var host in _hosts.Values)
        {
            var key = string.Join(',', host.Groups.Select(g => groupIndex[g]).Order());
            if (!groupNamesBySet.TryGetValue(key, out var names))
            {
                var set = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var g in host.Groups)
                {
                    set.Add(g.Name);
                    set.UnionWith(Ancestors(g).Select(a => a.Name));
                }

                set.Remove(InventoryGroup.AllName);
                names = set.ToList().AsReadOnly();
                groupNamesBySet[key] = names;
            }

            groupNamesOfHost[host] = names;
        }

        var hosts = new OrderedDictionary<string, InventoryHost>(StringComparer.Ordinal);
        foreach (var host in _hosts.Values)
        {
            hosts.Add(host.Name, new InventoryHost(
                host.Name,
                host.Vars.AsReadOnly(),
                host.VarsFiles.AsReadOnly(),
                groupNamesOfHost[host],
                host.Location)
            {
                VarLocations = host.VarLocations.AsReadOnly(),
            });
        }

        var byIndex = hosts.Values.ToArray();
        var stamps = new int[byIndex.Length];
        var stamp = 0;
        var groups = new OrderedDictionary<string, InventoryGroup>(StringComparer.Ordinal);
        foreach (var group in _groups.Values)
        {
            groups.Add(group.Name, new InventoryGroup(
                group.Name,
                group.Children.Select(c => c.Name).ToList().AsReadOnly(),
                group.Parents.Select(p => p.Name).ToList().AsReadOnly(),
                group.Hosts.Select(h => byIndex[h.Index]).ToList().AsReadOnly(),
                ResolveHosts(group, byIndex, stamps, ++stamp).AsReadOnly(),
                group.Vars.AsReadOnly(),
                group.VarsFiles.AsReadOnly(),
                depth[group],
                group.Priority,
                group.Location,
                group.VarLocations.AsReadOnly()));
        }

        return new Inventory(_sources.ToList().AsReadOnly(), groups, hosts, _warnings.Distinct(StringComparer.Ordinal).ToList().AsReadOnly());
    }

    // Group.get_hosts(): the group, then its descendants level by level, each group's hosts once.
    // A host is "seen" when stamps[host] == stamp, so one array serves every group.
    private static List<InventoryHost> ResolveHosts(GroupData group, InventoryHost[] byIndex, int[] stamps, int stamp)
    {
        var orderedGroups = new List<GroupData> { group };
        var seenGroups = new HashSet<GroupData>(ReferenceEqualityComparer.Instance) { group };
        for (var next = 0; next < orderedGroups.Count; next++)
        {
            foreach (var child in orderedGroups[next].Children)
            {
                if (seenGroups.Add(child))
                {
                    orderedGroups.Add(child);
                }
            }
        }

        var result = new List<InventoryHost>(orderedGroups.Sum(g => g.Hosts.Count));
        foreach (var g in orderedGroups)
        {
            foreach (var h in g.Hosts)
            {
                if (stamps[h.Index] != stamp)
                {
                    stamps[h.Index] = stamp;
                    result.Add(byIndex[h.Index]);
                }
            }
        }

        return result;
    }

    private sealed class GroupData(string name, InventoryLocation? location)
    {
        public string Name { get; } = name;

        public InventoryLocation? Location { get; } = location;

        public List<GroupData> Children { get; } = [];

        public List<GroupData> Parents { get; } = [];

        public List<HostData> Hosts { get; } = [];

        public HashSet<string> HostNames { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, object?> Vars { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, InventoryLocation> VarLocations { get; } = new(StringComparer.Ordinal);

        public List<InventoryVarsFile> VarsFiles { get; } = [];

        public int Priority { get; set; } = 1;
    }

    private sealed class HostData(string name, InventoryLocation location, int index)
    {
        public string Name { get; } = name;

        public int Index { get; } = index;

        public InventoryLocation Location { get; } = location;

        public Dictionary<string, object?> Vars { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, InventoryLocation> VarLocations { get; } = new(StringComparer.Ordinal);

        public List<InventoryVarsFile> VarsFiles { get; } = [];

        public List<GroupData> Groups { get; } = [];
    }
}
