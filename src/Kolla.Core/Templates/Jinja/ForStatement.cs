using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// <c>{% for a[, b] in seq [if cond] %}…{% else %}…{% endfor %}</c> with Jinja's <c>loop</c> variable
/// (index, index0, revindex, revindex0, first, last, length, previtem, nextitem).
/// </summary>
/// <remarks>Every iteration (of the <c>if</c> filter too) counts against the render's loop budget.</remarks>
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
        var source = sequence.Evaluate(state);
        var items = Py.Iterate(source, Line);
        state.Taint?.MarkItems(source, items);
        var context = state.Context;
        context.EnterChildScope();
        try
        {
            if (filter is not null)
            {
                var kept = new List<FluidValue>();
                foreach (var item in items)
                {
                    state.Budget.Iterations(1, Line);
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
                state.Budget.Iterations(1, Line);
                Bind(items[i], state);
                context.SetValue("loop", new LoopValue(items, i, Line));
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
        state.Taint?.MarkItems(item, parts);
        if (parts.Count != targets.Count)
        {
            throw new TemplateRuntimeException($"cannot unpack {parts.Count} values into {targets.Count} loop variables", Line);
        }

        for (var i = 0; i < targets.Count; i++)
        {
            state.Context.SetValue(targets[i], parts[i]);
        }
    }
}
