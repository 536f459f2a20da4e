using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A constant: string, number, boolean or none.</summary>
internal sealed class LiteralNode(FluidValue value, int line) : JinjaExpression(line)
{
    public FluidValue Value { get; } = value;

    public override FluidValue Evaluate(RenderState state) => Value;

    public override string Describe() => Py.Repr(Value);
}
