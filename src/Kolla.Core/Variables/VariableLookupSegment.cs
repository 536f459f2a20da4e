namespace Kolla.Variables;

/// <summary>
/// One step of a host's variable look-up: a single layer, or adjacent layers merged into one dictionary (each name with
/// the value and layer of the highest layer that sets it), which answers as the layers would one after the other.
/// </summary>
internal sealed class VariableLookupSegment
{
    private readonly VariableLayer _layer;
    private readonly IReadOnlyDictionary<string, object?>? _single;
    private readonly Dictionary<string, (object? Value, VariableLayer Layer)>? _merged;

    public VariableLookupSegment(VariableLayer layer, IReadOnlyDictionary<string, object?> values)
    {
        _layer = layer;
        _single = values;
    }

    private VariableLookupSegment(Dictionary<string, (object? Value, VariableLayer Layer)> merged) => _merged = merged;

    /// <summary>
    /// Whether a layer may be merged: a plain dictionary compared ordinally, whose enumeration holds exactly what it
    /// answers (another comparer or implementation could answer names it does not list).
    /// </summary>
    public static bool CanMerge(IReadOnlyDictionary<string, object?> values) =>
        values is Dictionary<string, object?> dictionary
            && (ReferenceEquals(dictionary.Comparer, StringComparer.Ordinal) || ReferenceEquals(dictionary.Comparer, EqualityComparer<string>.Default));

    /// <summary>Adjacent layers as one segment.</summary>
    /// <param name="layersHighestFirst">The layers, highest precedence first.</param>
    public static VariableLookupSegment Merge(IEnumerable<(VariableLayer Layer, IReadOnlyDictionary<string, object?> Values)> layersHighestFirst)
    {
        var merged = new Dictionary<string, (object? Value, VariableLayer Layer)>(StringComparer.Ordinal);
        foreach (var (layer, values) in layersHighestFirst)
        {
            foreach (var (name, value) in values)
            {
                merged.TryAdd(name, (value, layer));
            }
        }

        return new VariableLookupSegment(merged);
    }

    public bool TryGetValue(string name, out object? value, out VariableLayer layer)
    {
        if (_merged is not null)
        {
            var found = _merged.TryGetValue(name, out var entry);
            (value, layer) = entry;
            return found;
        }

        layer = _layer;
        return _single!.TryGetValue(name, out value);
    }
}
