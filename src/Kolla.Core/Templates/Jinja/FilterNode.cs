using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary><c>input | name(args)</c>.</summary>
internal sealed class FilterNode(JinjaExpression input, string name, JinjaFilter filter, ArgumentList arguments, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var value = input.Evaluate(state);
        if (value is JinjaUndefined undefined && !filter.AcceptsUndefined)
        {
            throw undefined.Error();
        }

        var args = arguments.Evaluate(state, $"filter '{name}'", Line);
        var reads = state.TaintReads;
        var result = filter.Invoke(value, args, state);
        if (result is StringValue text)
        {
            state.Budget.Text(text.ToStringValue().Length, Line);
        }

        return state.Taint is { } taint ? taint.Derive(result, reads, value, args) : result;
    }

    public override string Describe() => $"{input.Describe()} | {name}";
}
