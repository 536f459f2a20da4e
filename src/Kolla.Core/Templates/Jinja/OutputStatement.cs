namespace Kolla.Templates.Jinja;

/// <summary><c>{{ expression }}</c>.</summary>
internal sealed class OutputStatement(JinjaExpression expression, int line) : JinjaStatement(line)
{
    public JinjaExpression Expression { get; } = expression;

    public override void Render(TextWriter writer, RenderState state) => writer.Write(Py.Output(Expression.Evaluate(state)));
}
