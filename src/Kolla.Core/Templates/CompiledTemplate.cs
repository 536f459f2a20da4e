using Fluid;
using Fluid.Parser;
using Kolla.Templates.Jinja;
using Kolla.Variables;

namespace Kolla.Templates;

/// <summary>A parsed template, ready to render many times (thread-safe).</summary>
public sealed class CompiledTemplate
{
    private readonly TemplateRenderer _renderer;
    private readonly FluidTemplate _template;

    internal CompiledTemplate(TemplateRenderer renderer, string fileName, IReadOnlyList<JinjaStatement> statements)
    {
        _renderer = renderer;
        FileName = fileName;
        _template = new FluidTemplate(statements.ToArray());
        SingleExpression = FindSingleExpression(statements);
    }

    /// <summary>The name errors report (usually the template's path).</summary>
    public string FileName { get; }

    /// <summary>The expression when the whole template is one <c>{{ expression }}</c> (then its value keeps its type).</summary>
    internal JinjaExpression? SingleExpression { get; }

    /// <summary>Renders against a variable scope.</summary>
    /// <exception cref="TemplateException">An undefined variable or a failing filter, with file and line.</exception>
    public string Render(IVariableScope variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return RenderToString(new RenderState(_renderer, variables, FileName));
    }

    /// <summary>Renders against a variable scope into a writer.</summary>
    /// <exception cref="TemplateException">An undefined variable or a failing filter, with file and line.</exception>
    public void Render(TextWriter writer, IVariableScope variables)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(variables);
        RenderTo(writer, new RenderState(_renderer, variables, FileName));
    }

    internal string RenderToString(RenderState state)
    {
        using var writer = new StringWriter();
        RenderTo(writer, state);
        return writer.ToString();
    }

    private void RenderTo(TextWriter writer, RenderState state)
    {
        var pending = _template.RenderAsync(writer, NullEncoder.Default, state.Context);
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }

    private static JinjaExpression? FindSingleExpression(IReadOnlyList<JinjaStatement> statements)
    {
        JinjaExpression? found = null;
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case TextStatement text when string.IsNullOrWhiteSpace(text.Text):
                    continue;
                case OutputStatement output when found is null:
                    found = output.Expression;
                    continue;
                default:
                    return null;
            }
        }

        return found;
    }
}
