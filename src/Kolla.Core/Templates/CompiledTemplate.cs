using Kolla.Templates.Jinja;
using Kolla.Variables;

namespace Kolla.Templates;

/// <summary>A parsed template, ready to render many times (thread-safe).</summary>
public sealed class CompiledTemplate
{
    private readonly TemplateRenderer _renderer;
    private readonly IReadOnlyList<JinjaStatement> _statements;

    internal CompiledTemplate(
        TemplateRenderer renderer, string fileName, IReadOnlyList<JinjaStatement> statements, IReadOnlyDictionary<string, BlockStatement> blocks)
    {
        _renderer = renderer;
        _statements = statements;
        Blocks = blocks;
        FileName = fileName;
        SingleExpression = FindSingleExpression(statements);
    }

    /// <summary>The newlines the output must end with at least (Ansible's trailing-newline rule; 0 = none added).</summary>
    internal int TrailingNewlines { get; init; }

    /// <summary>The name errors report (usually the template's path).</summary>
    public string FileName { get; }

    /// <summary>The names of the template's <c>{% block %}</c>s, nested ones included.</summary>
    public IReadOnlyCollection<string> BlockNames => (IReadOnlyCollection<string>)Blocks.Keys;

    internal IReadOnlyDictionary<string, BlockStatement> Blocks { get; }

    /// <summary>The expression when the whole template is one <c>{{ expression }}</c> (then its value keeps its type).</summary>
    internal JinjaExpression? SingleExpression { get; }

    /// <summary>Renders against a variable scope.</summary>
    /// <exception cref="TemplateException">An undefined variable or a failing filter, with file and line.</exception>
    public string Render(IVariableScope variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return RenderAndRecord(new RenderState(_renderer, variables, FileName));
    }

    /// <summary>Renders against a variable scope into a writer.</summary>
    /// <remarks>The text is rendered whole first (held to the output limit), so a failing render writes nothing.</remarks>
    /// <exception cref="TemplateException">An undefined variable or a failing filter, with file and line.</exception>
    public void Render(TextWriter writer, IVariableScope variables)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(variables));
    }

    /// <summary>
    /// Renders a text shown whole (a file, a catalogue field) and gives the renderer the parts that carry a secret; an
    /// error becomes the public <see cref="TemplateException"/> here, once.
    /// </summary>
    internal string RenderAndRecord(RenderState state)
    {
        try
        {
            var text = RenderToString(state, out var spans);
            if (spans is not null)
            {
                _renderer.RecordDerived(text, spans);
            }

            return text;
        }
        catch (TemplateRuntimeException ex)
        {
            throw ex.ToTemplateException(state.FileName, state);
        }
    }

    /// <summary>Renders to a string; <paramref name="spans"/> are the parts of it that carry a secret (null: none).</summary>
    /// <exception cref="TemplateRuntimeException">The render failed (placed in its template and line when known).</exception>
    internal string RenderToString(RenderState state, out IReadOnlyList<TaintSpan>? spans)
    {
        using var writer = state.NewWriter();
        RenderTo(writer, state);
        var text = writer.ToString();
        spans = state.Taint?.TakeWritten(writer);

        // Ansible pads the output to the template's count of final newlines; ansible-core 2.19 renders a template that
        // outputs nothing to None and pads only strings, so an empty output stays empty.
        var missing = TrailingNewlines == 0 || text.Length == 0 ? 0 : TrailingNewlines - TemplateRenderer.TrailingNewlines(text);
        if (missing > 0)
        {
            state.Budget.Text(text.Length + missing, 0);
        }

        return missing > 0 ? text + new string('\n', missing) : text;
    }

    private void RenderTo(TextWriter writer, RenderState state)
    {
        // Jinja inheritance: run a template's top level (output is dropped once it has extended a parent),
        // then render the parent with the same variables and the child's blocks in front of the parent's.
        var template = this;
        HashSet<string>? seen = null;
        while (true)
        {
            state.AddBlocks(template);
            if (!ReferenceEquals(template, this))
            {
                state.FileName = template.FileName;
            }

            var output = writer;
            foreach (var statement in template._statements)
            {
                statement.RenderChecked(output, state);
                if (state.Parent is not null)
                {
                    output = TextWriter.Null;
                }
            }

            if (state.Parent is not { } parent)
            {
                return;
            }

            seen ??= new HashSet<string>(StringComparer.Ordinal);
            seen.Add(template.FileName);
            if (seen.Contains(parent.FileName))
            {
                throw new TemplateException(template.FileName, 0, $"template inheritance loops back to '{parent.FileName}'");
            }

            state.Parent = null;
            template = parent;
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
