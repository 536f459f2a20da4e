using System.Collections.Concurrent;

namespace Kolla.Variables;

/// <summary>
/// Which variable names to keep, with each variable layer's kept names remembered (by the layer's identity): hosts share
/// most layers, so a layer of thousands of names is filtered once, not once per host.
/// </summary>
internal sealed class VariableNameFilter(Func<string, bool> keep)
{
    private readonly ConcurrentDictionary<IReadOnlyDictionary<string, object?>, string[]> _kept = new(ReferenceEqualityComparer.Instance);

    /// <summary>The layer's names that are kept, in the layer's order.</summary>
    public string[] Of(IReadOnlyDictionary<string, object?> layer) =>
        _kept.GetOrAdd(layer, values => [.. values.Keys.Where(keep)]);
}
