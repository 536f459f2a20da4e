namespace Kolla.Templates.Jinja;

/// <summary>Raised while lexing or parsing; the compiler turns it into a <see cref="TemplateException"/>.</summary>
internal sealed class TemplateSyntaxError(string message, int line) : Exception(message)
{
    public int Line { get; } = line;
}
