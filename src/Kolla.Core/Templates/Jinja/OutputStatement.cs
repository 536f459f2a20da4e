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

        writer.Write(Py.Output(value));
    }
}
