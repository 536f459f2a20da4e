using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>Arithmetic and <c>~</c> concatenation.</summary>
internal sealed class BinaryNode(string op, JinjaExpression left, JinjaExpression right, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state) => Py.Binary(op, left.Evaluate(state), right.Evaluate(state), Line, state.Budget);
}
