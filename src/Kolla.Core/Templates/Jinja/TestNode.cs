using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary><c>input is [not] name(args)</c>.</summary>
internal sealed class TestNode(JinjaExpression input, string name, JinjaTest test, ArgumentList arguments, bool negated, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var value = input.Evaluate(state);
        if (value is JinjaUndefined undefined && !test.AcceptsUndefined)
        {
            throw undefined.Error();
        }

        var result = test.Invoke(value, arguments.Evaluate(state, $"test '{name}'", Line), state);
        return BooleanValue.Create(result != negated);
    }
}
