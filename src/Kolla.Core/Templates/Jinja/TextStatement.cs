namespace Kolla.Templates.Jinja;

/// <summary>Literal template text (whitespace control already applied by the lexer).</summary>
internal sealed class TextStatement(string text, int line) : JinjaStatement(line)
{
    public string Text { get; } = text;

    public override void Render(TextWriter writer, RenderState state) => writer.Write(Text);
}
