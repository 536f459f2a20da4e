using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary><c>target[start:stop:step]</c> on a list or a string, with Python's rules.</summary>
internal sealed class SliceNode(JinjaExpression target, JinjaExpression? start, JinjaExpression? stop, JinjaExpression? step, int line)
    : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var value = Py.Defined(target.Evaluate(state));
        var stepValue = Bound(step, state) ?? 1;
        if (stepValue == 0)
        {
            throw new TemplateRuntimeException("slice step cannot be zero", Line);
        }

        var count = value switch
        {
            ArrayValue a => a.Values.Count,
            StringValue s => s.ToStringValue().Length,
            _ => throw new TemplateRuntimeException($"'{Py.TypeName(value)}' object is not subscriptable", Line),
        };
        var indices = Indices(count, Bound(start, state), Bound(stop, state), stepValue);
        FluidValue result = value is ArrayValue list
            ? new ArrayValue([.. indices.Select(i => list.Values[i])])
            : new StringValue(string.Concat(indices.Select(i => value.ToStringValue()[i])));
        return state.Taint?.Slice(value, indices, result) ?? result;
    }

    private static long? Bound(JinjaExpression? expression, RenderState state)
    {
        if (expression is null)
        {
            return null;
        }

        var v = Py.Defined(expression.Evaluate(state));
        return Py.IsNone(v) ? null : (long)Py.NumericValue(v);
    }

    private static List<int> Indices(int count, long? start, long? stop, long step)
    {
        long Clamp(long v, long low, long high) => Math.Min(Math.Max(v, low), high);
        long Resolve(long? v, long fallback, long low, long high) =>
            v is null ? fallback : Clamp(v.Value < 0 ? v.Value + count : v.Value, low, high);

        var result = new List<int>();
        if (step > 0)
        {
            for (var i = Resolve(start, 0, 0, count); i < Resolve(stop, count, 0, count); i += step)
            {
                result.Add((int)i);
            }
        }
        else
        {
            for (var i = Resolve(start, count - 1, -1, count - 1); i > Resolve(stop, -1, -1, count - 1); i += step)
            {
                result.Add((int)i);
            }
        }

        return result;
    }
}
