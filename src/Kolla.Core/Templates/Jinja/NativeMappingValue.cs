using Fluid.Values;
using Kolla.Variables;

namespace Kolla.Templates.Jinja;

/// <summary>A dictionary value from the variables; nested templated strings evaluate in the owning scope.</summary>
internal sealed class NativeMappingValue(
    IReadOnlyDictionary<string, object?> map,
    IVariableScope owner,
    string path,
    RenderState state) : MappingValue
{
    public override IEnumerable<string> Keys => map.Keys;

    public override int Count => map.Count;

    public override bool TryGet(string key, int line, out FluidValue value)
    {
        if (map.TryGetValue(key, out var raw))
        {
            value = state.FromNative(raw, owner, $"{path}.{key}", line);
            return true;
        }

        value = NilValue.Instance;
        return false;
    }
}
