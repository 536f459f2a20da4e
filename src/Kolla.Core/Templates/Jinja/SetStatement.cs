namespace Kolla.Templates.Jinja;

/// <summary><c>{% set a[, b] = expression %}</c>.</summary>
internal sealed class SetStatement(IReadOnlyList<string> targets, JinjaExpression value, int line) : JinjaStatement(line)
{
    public override void Render(TextWriter writer, RenderState state)
    {
        var result = value.Evaluate(state);
        if (targets.Count == 1)
        {
            state.Context.SetValue(targets[0], result);
            return;
        }

        var parts = Py.Iterate(result, Line);
        state.Taint?.MarkItems(result, parts);
        if (parts.Count != targets.Count)
        {
            throw new TemplateRuntimeException($"cannot unpack {parts.Count} values into {targets.Count} names", Line);
        }

        for (var i = 0; i < targets.Count; i++)
        {
            state.Context.SetValue(targets[i], parts[i]);
        }
    }
}
