namespace Kolla.Templates.Jinja;

/// <summary>
/// <c>{% block name %}…{% endblock %}</c>: renders the most derived definition of the block in the
/// inheritance chain (a child template's block replaces its parent's; <c>super()</c> reaches the next one).
/// </summary>
internal sealed class BlockStatement(string name, IReadOnlyList<JinjaStatement> body, int line) : JinjaStatement(line)
{
    public string Name { get; } = name;

    public IReadOnlyList<JinjaStatement> Body { get; } = body;

    public override void Render(TextWriter writer, RenderState state)
    {
        // In a child template after {% extends %}, blocks are rendered by the parent where it places them.
        if (state.Parent is null)
        {
            state.RenderBlock(Name, 0, writer, Line);
        }
    }

    internal void RenderBody(TextWriter writer, RenderState state) => RenderBody(Body, writer, state);
}
