using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>The inline <c>a if test else b</c>; without <c>else</c> a false test yields undefined, printed as nothing (as Ansible does).</summary>
internal sealed class ConditionalNode(JinjaExpression test, JinjaExpression whenTrue, JinjaExpression? whenFalse, int line) : JinjaExpression(line)
{
    public override FluidValue Evaluate(RenderState state)
    {
        if (Py.Truthy(test.Evaluate(state)))
        {
            return whenTrue.Evaluate(state);
        }

        return whenFalse?.Evaluate(state) ?? new JinjaUndefined($"{test.Describe()} (inline if without else)", Line, rendersEmpty: true);
    }
}
