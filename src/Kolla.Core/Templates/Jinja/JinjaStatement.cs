using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;

namespace Kolla.Templates.Jinja;

/// <summary>A Jinja statement; renders synchronously and reports errors with its template's name and line.</summary>
internal abstract class JinjaStatement(int line) : Statement
{
    public int Line { get; } = line;

    public abstract void Render(TextWriter writer, RenderState state);

    public void RenderChecked(TextWriter writer, RenderState state)
    {
        try
        {
            RenderBudget.EnsureStack(Line);
            Render(writer, state);
        }
        catch (TemplateRuntimeException ex) when (ex.Locate(state.FileName, Line))
        {
            // Never entered: the filter places the error (line 0, as when the output grew too long, is this statement's)
            // and lets it rise.
            throw;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidCastException or ArgumentException
            or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A filter given input it cannot handle: still one line with the template's location.
            var error = new TemplateRuntimeException(ex.Message, Line);
            error.Locate(state.FileName, Line);
            throw error;
        }
    }

    public override ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        RenderChecked(writer, RenderState.Get(context));
        return Normal();
    }

    protected static void RenderBody(IReadOnlyList<JinjaStatement> body, TextWriter writer, RenderState state)
    {
        foreach (var statement in body)
        {
            statement.RenderChecked(writer, state);
        }
    }
}
