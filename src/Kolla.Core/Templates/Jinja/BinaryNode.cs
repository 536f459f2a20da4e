using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>Arithmetic and <c>~</c> concatenation.</summary>
internal sealed class BinaryNode(string op, JinjaExpression left, JinjaExpression right, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        var a = left.Evaluate(state);
        var b = right.Evaluate(state);
        var result = Py.Binary(op, a, b, Line, state.Budget);
        return state.Taint is { } taint ? taint.Combine(op, a, b, result) : result;
    }
}
