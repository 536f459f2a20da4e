namespace Kolla.Templates.Jinja;

/// <summary><c>{{ expression }}</c>.</summary>
internal sealed class OutputStatement(JinjaExpression expression, int line) : JinjaStatement(line)
{
    public JinjaExpression Expression { get; } = expression;

    public override void Render(TextWriter writer, RenderState state)
    {
        var value = Expression.Evaluate(state);
        if (value is JinjaUndefined { RendersEmpty: true })
        {
            return;
        }

        var reads = state.TaintReads;
        var text = Py.Output(value);
        if (state.Taint?.OutputSpans(value, text, reads) is { } spans)
        {
            state.Taint.Wrote(writer, spans);
        }

        writer.Write(text);
    }
}
