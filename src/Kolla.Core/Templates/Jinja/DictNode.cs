using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A dict literal <c>{'k': v}</c>.</summary>
internal sealed class DictNode(IReadOnlyList<(JinjaExpression Key, JinjaExpression Value)> items, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var map = new LiteralMappingValue(items.Select(p => new KeyValuePair<string, FluidValue>(Py.Str(p.Key.Evaluate(state)), p.Value.Evaluate(state))));
        state.Budget.Size(map, Line);
        return map;
    }
}
