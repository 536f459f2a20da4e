using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// <c>{% for a[, b] in seq [if cond] %}…{% else %}…{% endfor %}</c> with Jinja's <c>loop</c> variable
/// (index, index0, revindex, revindex0, first, last, length, previtem, nextitem).
/// </summary>
internal sealed class ForStatement(
    IReadOnlyList<string> targets,
    JinjaExpression sequence,
    JinjaExpression? filter,
    IReadOnlyList<JinjaStatement> body,
    IReadOnlyList<JinjaStatement>? otherwise,
    int line) : JinjaStatement(line)
{
    public override void Render(TextWriter writer, RenderState state)
    {
        var items = Py.Iterate(sequence.Evaluate(state), Line);
        var context = state.Context;
        context.EnterChildScope();
        try
        {
            if (filter is not null)
            {
                var kept = new List<FluidValue>();
                foreach (var item in items)
                {
                    Bind(item, state);
                    if (Py.Truthy(filter.Evaluate(state)))
                    {
                        kept.Add(item);
                    }
                }

                items = kept;
            }

            for (var i = 0; i < items.Count; i++)
            {
                Bind(items[i], state);
                context.SetValue("loop", LoopValue(items, i));
                RenderBody(body, writer, state);
            }
        }
        finally
        {
            context.ReleaseScope();
        }

        if (items.Count == 0 && otherwise is not null)
        {
            RenderBody(otherwise, writer, state);
        }
    }

    private void Bind(FluidValue item, RenderState state)
    {
        if (targets.Count == 1)
        {
            state.Context.SetValue(targets[0], item);
            return;
        }

        var parts = Py.Iterate(item, Line);
        if (parts.Count != targets.Count)
        {
            throw new TemplateRuntimeException($"cannot unpack {parts.Count} values into {targets.Count} loop variables", Line);
        }

        for (var i = 0; i < targets.Count; i++)
        {
            state.Context.SetValue(targets[i], parts[i]);
        }
    }

    private LiteralMappingValue LoopValue(IReadOnlyList<FluidValue> items, int i) => new(
    [
        new("index", NumberValue.Create(i + 1)),
        new("index0", NumberValue.Create(i)),
        new("revindex", NumberValue.Create(items.Count - i)),
        new("revindex0", NumberValue.Create(items.Count - i - 1)),
        new("first", BooleanValue.Create(i == 0)),
        new("last", BooleanValue.Create(i == items.Count - 1)),
        new("length", NumberValue.Create(items.Count)),
        new("previtem", i > 0 ? items[i - 1] : new JinjaUndefined("loop.previtem", Line)),
        new("nextitem", i < items.Count - 1 ? items[i + 1] : new JinjaUndefined("loop.nextitem", Line)),
        new("depth", NumberValue.Create(1)),
        new("depth0", NumberValue.Create(0)),
    ]);
}
