using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary><c>target[index]</c>: a dict key, a list index (negative counts from the end) or a character.</summary>
internal sealed class GetItemNode(JinjaExpression target, JinjaExpression index, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var value = target.Evaluate(state);
        if (value is JinjaUndefined)
        {
            return value;
        }

        var key = Py.Defined(index.Evaluate(state));
        switch (value)
        {
            case MappingValue mapping when mapping.TryGet(Py.Str(key), Line, out var item):
                return state.Taint?.Part(value, -1, item) ?? item;
            case ArrayValue array when TryIndex(key, array.Values.Count, out var i):
                return state.Taint?.Part(value, -1, array.Values[i]) ?? array.Values[i];
            case StringValue text when TryIndex(key, text.ToStringValue().Length, out var c):
                var character = new StringValue(text.ToStringValue()[c].ToString());
                return state.Taint?.Part(value, c, character) ?? character;
            default:
                return new JinjaUndefined($"{target.Describe()}[{Py.Repr(key)}]", Line);
        }
    }

    public override string Describe() => $"{target.Describe()}[{index.Describe()}]";

    private static bool TryIndex(FluidValue key, int count, out int index)
    {
        index = 0;
        if (key is not NumberValue n || Py.IsFloat(n.ToNumberValue()))
        {
            return false;
        }

        var i = (long)n.ToNumberValue();
        if (i < 0)
        {
            i += count;
        }

        if (i < 0 || i >= count)
        {
            return false;
        }

        index = (int)i;
        return true;
    }
}
