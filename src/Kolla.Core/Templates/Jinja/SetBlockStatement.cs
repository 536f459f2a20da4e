using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary><c>{% set name %}…{% endset %}</c>: captures rendered text.</summary>
internal sealed class SetBlockStatement(string target, IReadOnlyList<JinjaStatement> body, int line) : JinjaStatement(line)
{
    public override void Render(TextWriter writer, RenderState state)
    {
        using var captured = state.NewWriter();
        RenderBody(body, captured, state);
        var text = new StringValue(captured.ToString());
        state.Context.SetValue(target, state.Taint?.TakeWritten(captured) is { } spans ? state.Taint.MarkSpans(text, spans) : text);
    }
}
