namespace Kolla.Variables;

/// <summary>
/// One host's variables: every layer stacked in precedence order, looked up without copying.
/// Values are raw; templated strings are evaluated by the template renderer when used.
/// </summary>
public sealed class HostVariables : IVariableScope
{
    private readonly List<(VariableLayer Layer, IReadOnlyDictionary<string, object?> Values)> _layers;

    /// <summary>
    /// What a look-up goes through, highest first: the host's own layers one by one, and each run of adjacent layers every
    /// host shares (globals, passwords, extra variables) as one merged dictionary, so a miss costs fewer look-ups.
    /// </summary>
    private readonly VariableLookupSegment[] _lookup;

    internal HostVariables(string hostName, IReadOnlyList<string> groupNames, List<(VariableLayer Layer, IReadOnlyDictionary<string, object?> Values)> layersLowestFirst, VariableLookupSegment[]? lookupHighestFirst = null)
    {
        HostName = hostName;
        GroupNames = groupNames;
        _layers = layersLowestFirst;
        _lookup = lookupHighestFirst ?? [.. Enumerable.Reverse(layersLowestFirst).Select(l => new VariableLookupSegment(l.Layer, l.Values))];
    }

    /// <summary>The inventory hostname.</summary>
    public string HostName { get; }

    /// <summary>The groups the host belongs to (sorted, without <c>all</c>), as Ansible's <c>group_names</c>.</summary>
    public IReadOnlyList<string> GroupNames { get; }

    /// <inheritdoc />
    public IEnumerable<string> VariableNames
    {
        get
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, values) in _layers)
            {
                foreach (var key in values.Keys)
                {
                    if (seen.Add(key))
                    {
                        yield return key;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The names of <see cref="VariableNames"/> that <see cref="VariableNameFilter"/> keeps, in the same order; each
    /// layer's names are filtered once per filter, as most layers (defaults, globals, passwords) are every host's.
    /// </summary>
    internal IEnumerable<string> VariableNamesWhere(VariableNameFilter filter)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, values) in _layers)
        {
            foreach (var key in filter.Of(values))
            {
                if (seen.Add(key))
                {
                    yield return key;
                }
            }
        }
    }

    /// <inheritdoc />
    public bool TryGetVariable(string name, out object? value) => TryGetVariable(name, out value, out _);

    /// <summary>Looks a variable up and tells which layer won.</summary>
    public bool TryGetVariable(string name, out object? value, out VariableLayer layer)
    {
        foreach (var segment in _lookup)
        {
            if (segment.TryGetValue(name, out value, out layer))
            {
                return true;
            }
        }

        value = null;
        layer = default;
        return false;
    }

    /// <summary>Every layer that sets the variable, winner first (to explain where a value came from).</summary>
    public IReadOnlyList<(VariableLayer Layer, object? Value)> Explain(string name)
    {
        var found = new List<(VariableLayer, object?)>();
        for (var i = _layers.Count - 1; i >= 0; i--)
        {
            if (_layers[i].Values.TryGetValue(name, out var value))
            {
                found.Add((_layers[i].Layer, value));
            }
        }

        return found;
    }

    /// <inheritdoc />
    public override string ToString() => $"variables of {HostName}";
}
