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
            if (!Test(state, op, left, right))
            {
                return BooleanValue.False;
            }

            left = right;
        }

        return BooleanValue.True;
    }

    private bool Test(RenderState state, string op, FluidValue left, FluidValue right) => op switch
    {
        "==" => Py.Equal(left, right),
        "!=" => !Py.Equal(left, right),
        "<" => Py.Compare(left, right, op, Line) < 0,
        "<=" => Py.Compare(left, right, op, Line) <= 0,
        ">" => Py.Compare(left, right, op, Line) > 0,
        ">=" => Py.Compare(left, right, op, Line) >= 0,
        "in" => Contains(state, right, left),
        "not in" => !Contains(state, right, left),
        _ => throw new TemplateRuntimeException($"unknown comparison '{op}'", Line),
    };

    /// <summary>
    /// Python's <c>in</c>; a text in a list the renderer shares (a group's hosts) is looked up in the list's set of texts,
    /// so <c>inventory_hostname in groups['compute']</c> costs the same on 10 hosts as on 10,000.
    /// </summary>
    private bool Contains(RenderState state, FluidValue container, FluidValue item) =>
        container is ArrayValue list && item is StringValue text && state.Renderer.SharedTexts(list) is { } texts
            ? texts.Contains(text.ToStringValue())
            : Py.Contains(container, item, Line);
}
