using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// <c>{% extends expression %}</c>: the expression names the parent template (a template value, or a name the
/// renderer's <see cref="ITemplateLoader"/> resolves). Output after it is dropped; the parent renders instead.
/// </summary>
internal sealed class ExtendsStatement(JinjaExpression parent, int line) : JinjaStatement(line)
{
    public override void Render(TextWriter writer, RenderState state)
    {
        if (state.Parent is not null)
        {
            throw new TemplateRuntimeException("the template extends more than one parent", Line);
        }

        state.Parent = Py.Defined(parent.Evaluate(state)) switch
        {
            TemplateReferenceValue template => template.Template,
            StringValue name => state.Renderer.Load(name.ToStringValue(), Line),
            var other => throw new TemplateRuntimeException(
                $"'extends' needs a template or a template name, not {Py.TypeName(other)}", Line),
        };
    }
}
