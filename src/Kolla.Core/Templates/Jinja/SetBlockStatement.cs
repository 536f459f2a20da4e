using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary><c>{% set name %}…{% endset %}</c>: captures rendered text.</summary>
internal sealed class SetBlockStatement(string target, IReadOnlyList<JinjaStatement> body, int line) : JinjaStatement(line)
{
    public override void Render(TextWriter writer, RenderState state)
    {
        using var captured = state.NewWriter();
        RenderBody(body, captured, state);
        state.Context.SetValue(target, new StringValue(captured.ToString()));
    }
}
