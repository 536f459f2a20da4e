using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A dict built inside the template (a <c>{...}</c> literal, <c>loop</c>, or a filter result).</summary>
internal sealed class LiteralMappingValue : MappingValue
{
    private readonly Dictionary<string, FluidValue> _index = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    public LiteralMappingValue(IEnumerable<KeyValuePair<string, FluidValue>> entries)
    {
        foreach (var (k, v) in entries)
        {
            if (!_index.ContainsKey(k))
            {
                _keys.Add(k);
            }

            _index[k] = v;
        }
    }

    public override IEnumerable<string> Keys => _keys;

    /// <summary>The values (a struct enumerator, for the taint checks that run on every dict literal).</summary>
    public Dictionary<string, FluidValue>.ValueCollection Values => _index.Values;

    public override int Count => _keys.Count;

    public override bool TryGet(string key, int line, out FluidValue value) => _index.TryGetValue(key, out value!);
}
