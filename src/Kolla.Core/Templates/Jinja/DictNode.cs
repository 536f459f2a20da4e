using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A dict literal <c>{'k': v}</c>.</summary>
internal sealed class DictNode(IReadOnlyList<(JinjaExpression Key, JinjaExpression Value)> items, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var secretKey = false;
        var result = new LiteralMappingValue(items.Select(p =>
        {
            var key = p.Key.Evaluate(state);
            secretKey |= state.Taint?.IsTainted(key) == true;
            return new KeyValuePair<string, FluidValue>(Py.Str(key), p.Value.Evaluate(state));
        }));
        state.Budget.Size(result, Line);
        return state.Taint is not { } taint ? result : secretKey ? taint.MarkWhole(result) : taint.MarkElements(result);
    }
}
