using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary><c>not x</c>, <c>-x</c>, <c>+x</c>.</summary>
internal sealed class UnaryNode(string op, JinjaExpression operand, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var value = operand.Evaluate(state);
        if (op == "not")
        {
            return BooleanValue.Create(!Py.Truthy(value));
        }

        Py.Defined(value);
        if (!Py.IsNumeric(value))
        {
            throw new TemplateRuntimeException($"bad operand type for unary {op}: '{Py.TypeName(value)}'", Line);
        }

        return NumberValue.Create(op == "-" ? -Py.NumericValue(value) : Py.NumericValue(value));
    }
}
