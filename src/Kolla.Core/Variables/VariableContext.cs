using System.Diagnostics.CodeAnalysis;

namespace Kolla.Variables;

/// <summary>
/// The variables of a whole deployment: one <see cref="HostVariables"/> per inventory host plus the
/// host-independent layers. Immutable and safe to share between threads.
/// </summary>
public sealed class VariableContext
{
    private readonly Dictionary<string, HostVariables> _hosts = new(StringComparer.Ordinal);

    internal VariableContext(
        IReadOnlyDictionary<string, object?> defaults,
        IReadOnlyDictionary<string, object?> globals,
        IReadOnlyDictionary<string, object?> passwords,
        IReadOnlyDictionary<string, object?> extraVars,
        InventoryInput inventory,
        GlobalsPrecedence precedence,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> hostFacts)
    {
        Precedence = precedence;
        HostNames = [.. inventory.Hosts.Select(h => h.Name)];
        Groups = BuildGroups(inventory);
        var hostvars = new HostVarsMap(this);
        // Read-only lists: templates may then share one converted copy between every host's renders.
        var groupsValue = Groups.ToDictionary(g => g.Key, g => (object?)g.Value.Cast<object?>().ToList().AsReadOnly(), StringComparer.Ordinal);
        var none = new Dictionary<string, object?>();
        Common = new LayeredVariableScope(LayersFor(defaults, globals, none, none, none, passwords, extraVars, new Dictionary<string, object?>
        {
            ["groups"] = groupsValue,
            ["hostvars"] = hostvars,
            ["omit"] = OmitPlaceholder,
        }).Select(l => l.Values).ToList());

        var groupNamesByHost = GroupNamesByHost(Groups);
        // The layers every host shares, by identity: adjacent runs of them are merged once for every host's look-ups.
        var shared = new HashSet<object>(new[] { defaults, globals, passwords, extraVars }.Where(VariableLookupSegment.CanMerge), ReferenceEqualityComparer.Instance);
        var merged = new List<(List<(VariableLayer, IReadOnlyDictionary<string, object?>)> Run, VariableLookupSegment Segment)>();
        foreach (var host in inventory.Hosts)
        {
            if (_hosts.ContainsKey(host.Name))
            {
                throw new VariableContextException($"host '{host.Name}' appears twice in the inventory input");
            }

            var groupNames = groupNamesByHost.TryGetValue(host.Name, out var names) ? names : [];
            var facts = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["inventory_hostname"] = host.Name,
                ["inventory_hostname_short"] = host.Name.Split('.')[0],
                ["group_names"] = groupNames.Cast<object?>().ToList(),
                ["groups"] = groupsValue,
                ["hostvars"] = hostvars,
                ["omit"] = OmitPlaceholder,
            };
            var gathered = hostFacts.TryGetValue(host.Name, out var values) ? InjectFacts(values) : none;
            var layers = LayersFor(defaults, globals, host.GroupVars, host.HostVars, gathered, passwords, extraVars, facts);
            _hosts[host.Name] = new HostVariables(host.Name, groupNames, layers, Lookup(layers, shared, merged));
        }
    }

    /// <summary>The placeholder Ansible uses for <c>omit</c>.</summary>
    public static string OmitPlaceholder => "__omit_place_holder__";

    /// <summary>Host names in inventory order.</summary>
    public IReadOnlyList<string> HostNames { get; }

    /// <summary>Group name to ordered host names, including <c>all</c> and <c>ungrouped</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Groups { get; }

    /// <summary>How globals were layered.</summary>
    public GlobalsPrecedence Precedence { get; }

    /// <summary>The host-independent variables (defaults, globals, passwords, extra vars, groups, hostvars).</summary>
    public IVariableScope Common { get; }

    /// <summary>The variables of one host.</summary>
    /// <exception cref="KeyNotFoundException">The host is not in the inventory.</exception>
    public HostVariables ForHost(string hostName) =>
        _hosts.TryGetValue(hostName, out var host) ? host : throw new KeyNotFoundException($"host '{hostName}' is not in the inventory");

    /// <summary>The variables of one host, if it exists.</summary>
    public bool TryGetHost(string hostName, [NotNullWhen(true)] out HostVariables? host) => _hosts.TryGetValue(hostName, out host);

    private List<(VariableLayer Layer, IReadOnlyDictionary<string, object?> Values)> LayersFor(
        IReadOnlyDictionary<string, object?> defaults,
        IReadOnlyDictionary<string, object?> globals,
        IReadOnlyDictionary<string, object?> groupVars,
        IReadOnlyDictionary<string, object?> hostVars,
        IReadOnlyDictionary<string, object?> hostFacts,
        IReadOnlyDictionary<string, object?> passwords,
        IReadOnlyDictionary<string, object?> extraVars,
        IReadOnlyDictionary<string, object?> facts)
    {
        var layers = new List<(VariableLayer, IReadOnlyDictionary<string, object?>)> { (VariableLayer.Defaults, defaults) };
        if (Precedence == GlobalsPrecedence.BelowInventory)
        {
            layers.Add((VariableLayer.Globals, globals));
        }

        layers.Add((VariableLayer.GroupVars, groupVars));
        layers.Add((VariableLayer.HostVars, hostVars));
        layers.Add((VariableLayer.HostFacts, hostFacts));
        if (Precedence == GlobalsPrecedence.LikeKollaAnsible)
        {
            layers.Add((VariableLayer.Globals, globals));
        }

        layers.Add((VariableLayer.Passwords, passwords));
        layers.Add((VariableLayer.ExtraVars, extraVars));
        layers.Add((VariableLayer.Facts, facts));
        return layers;
    }

    /// <summary>
    /// A host's look-up order, highest first: its own layers one by one, and each run of two or more adjacent shared layers
    /// as one merged segment (merged once per distinct run: the same layers, the same dictionaries).
    /// </summary>
    private static VariableLookupSegment[] Lookup(
        List<(VariableLayer Layer, IReadOnlyDictionary<string, object?> Values)> layersLowestFirst,
        HashSet<object> shared,
        List<(List<(VariableLayer, IReadOnlyDictionary<string, object?>)> Run, VariableLookupSegment Segment)> merged)
    {
        var lookup = new List<VariableLookupSegment>();
        var i = layersLowestFirst.Count - 1;
        while (i >= 0)
        {
            var run = i;
            while (run >= 0 && shared.Contains(layersLowestFirst[run].Values))
            {
                run--;
            }

            // Layers run+1 .. i are shared (i - run of them).
            if (i - run >= 2)
            {
                var layers = layersLowestFirst.GetRange(run + 1, i - run);
                layers.Reverse();
                var known = merged.FindIndex(m => m.Run.Count == layers.Count && m.Run.Zip(layers).All(p => p.First.Item1 == p.Second.Layer && ReferenceEquals(p.First.Item2, p.Second.Values)));
                if (known < 0)
                {
                    merged.Add((layers, VariableLookupSegment.Merge(layers)));
                    known = merged.Count - 1;
                }

                lookup.Add(merged[known].Segment);
                i = run;
                continue;
            }

            lookup.Add(new VariableLookupSegment(layersLowestFirst[i].Layer, layersLowestFirst[i].Values));
            i--;
        }

        return [.. lookup];
    }

    /// <summary>
    /// The facts layer of one host, as Ansible builds it: <c>ansible_facts</c> holds the whole mapping, and each fact is
    /// also a variable of its own named <c>ansible_&lt;name&gt;</c> (Ansible's default <c>inject_facts_as_vars</c>).
    /// </summary>
    private static Dictionary<string, object?> InjectFacts(IReadOnlyDictionary<string, object?> facts)
    {
        var layer = new Dictionary<string, object?>(facts.Count + 1, StringComparer.Ordinal) { ["ansible_facts"] = facts };
        foreach (var (name, value) in facts)
        {
            layer["ansible_" + name] = value;
        }

        return layer;
    }

    /// <summary>Host name to its sorted group names (without <c>all</c>), in one pass over the groups (not hosts × groups × members).</summary>
    private static Dictionary<string, List<string>> GroupNamesByHost(IReadOnlyDictionary<string, IReadOnlyList<string>> groups)
    {
        var byHost = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (group, members) in groups.Where(g => g.Key != "all").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var member in members.Distinct(StringComparer.Ordinal))
            {
                if (!byHost.TryGetValue(member, out var names))
                {
                    byHost[member] = names = [];
                }

                names.Add(group);
            }
        }

        return byHost;
    }

    private static Dictionary<string, IReadOnlyList<string>> BuildGroups(InventoryInput inventory)
    {
        var known = inventory.Hosts.Select(h => h.Name).ToHashSet(StringComparer.Ordinal);
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, members) in inventory.Groups)
        {
            var unknown = members.FirstOrDefault(m => !known.Contains(m));
            if (unknown is not null)
            {
                throw new VariableContextException($"group '{name}' lists host '{unknown}', which is not in the inventory input");
            }

            groups[name] = [.. members];
        }

        groups.TryAdd("all", [.. inventory.Hosts.Select(h => h.Name)]);
        if (!groups.ContainsKey("ungrouped"))
        {
            var grouped = groups.Where(g => g.Key != "all").SelectMany(g => g.Value).ToHashSet(StringComparer.Ordinal);
            groups["ungrouped"] = [.. inventory.Hosts.Select(h => h.Name).Where(h => !grouped.Contains(h))];
        }

        return groups;
    }

    /// <summary><c>hostvars</c>: host name to that host's variables, resolved on demand.</summary>
    private sealed class HostVarsMap(VariableContext context) : IReadOnlyDictionary<string, object?>
    {
        public IEnumerable<string> Keys => context.HostNames;

        public IEnumerable<object?> Values => context.HostNames.Select(h => (object?)context._hosts[h]);

        public int Count => context.HostNames.Count;

        public object? this[string key] => context._hosts[key];

        public bool ContainsKey(string key) => context._hosts.ContainsKey(key);

        public bool TryGetValue(string key, out object? value)
        {
            var found = context._hosts.TryGetValue(key, out var host);
            value = host;
            return found;
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
            context.HostNames.Select(h => new KeyValuePair<string, object?>(h, context._hosts[h])).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
