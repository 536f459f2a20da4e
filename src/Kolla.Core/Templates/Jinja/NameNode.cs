using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A variable reference.</summary>
internal sealed class NameNode(string name, int line) : JinjaExpression(line)
{
    public string Name { get; } = name;

    public override FluidValue Evaluate(RenderState state) => state.Lookup(Name, Line);

    public override string Describe() => Name;
}
