using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>A list <c>[a, b]</c> or tuple <c>(a, b)</c> literal.</summary>
internal sealed class ListNode(IReadOnlyList<JinjaExpression> items, int line, bool isTuple = false) : JinjaExpression(line)
{
    public IReadOnlyList<JinjaExpression> Items { get; } = items;

    public override FluidValue Evaluate(RenderState state)
    {
        var list = isTuple ? TupleItems.Create(Items.Select(i => i.Evaluate(state))) : new ArrayValue([.. Items.Select(i => i.Evaluate(state))]);
        var result = state.Budget.Built(list, Line);
        return state.Taint?.MarkElements(result) ?? result;
    }
}
