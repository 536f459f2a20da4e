using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A Jinja expression node; evaluates synchronously with Python semantics.</summary>
internal abstract class JinjaExpression(int line) : Expression
{
    public int Line { get; } = line;

    public abstract FluidValue Evaluate(RenderState state);

    /// <summary>Source-like text used in messages (for example <c>hostvars['n1'].x</c>).</summary>
    public virtual string Describe() => "expression";

    public override ValueTask<FluidValue> EvaluateAsync(TemplateContext context) => new(Evaluate(RenderState.Get(context)));
}
