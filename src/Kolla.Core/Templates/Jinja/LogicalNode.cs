using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary><c>a and b</c> / <c>a or b</c>: short-circuit, returning an operand as Python does.</summary>
internal sealed class LogicalNode(bool isAnd, JinjaExpression left, JinjaExpression right, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var l = left.Evaluate(state);
        var truthy = Py.Truthy(l);
        return isAnd == truthy ? right.Evaluate(state) : l;
    }
}
