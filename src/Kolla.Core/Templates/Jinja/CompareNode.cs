using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A (possibly chained) comparison: <c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>in</c>, <c>not in</c>, ...</summary>
internal sealed class CompareNode(JinjaExpression first, IReadOnlyList<(string Op, JinjaExpression Operand)> rest, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var left = first.Evaluate(state);
        foreach (var (op, operand) in rest)
        {
            var right = operand.Evaluate(state);
            if (!Test(op, left, right))
            {
                return BooleanValue.False;
            }

            left = right;
        }

        return BooleanValue.True;
    }

    private bool Test(string op, FluidValue left, FluidValue right) => op switch
    {
        "==" => Py.Equal(left, right),
        "!=" => !Py.Equal(left, right),
        "<" => Py.Compare(left, right, op, Line) < 0,
        "<=" => Py.Compare(left, right, op, Line) <= 0,
        ">" => Py.Compare(left, right, op, Line) > 0,
        ">=" => Py.Compare(left, right, op, Line) >= 0,
        "in" => Py.Contains(right, left, Line),
        "not in" => !Py.Contains(right, left, Line),
        _ => throw new TemplateRuntimeException($"unknown comparison '{op}'", Line),
    };
}
