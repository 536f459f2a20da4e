namespace Kolla.Templates.Jinja;

/// <summary><c>{% if %}…{% elif %}…{% else %}…{% endif %}</c>.</summary>
internal sealed class IfStatement(
    IReadOnlyList<(JinjaExpression Condition, IReadOnlyList<JinjaStatement> Body)> branches,
    IReadOnlyList<JinjaStatement>? otherwise,
    int line) : JinjaStatement(line)
{
    public override void Render(TextWriter writer, RenderState state)
    {
        foreach (var (condition, body) in branches)
        {
            if (Py.Truthy(condition.Evaluate(state)))
            {
                RenderBody(body, writer, state);
                return;
            }
        }

        if (otherwise is not null)
        {
            RenderBody(otherwise, writer, state);
        }
    }
}
