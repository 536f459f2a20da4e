namespace Kolla.Templates;

/// <summary>How templates are read and rendered; the defaults match Ansible's <c>template</c> module.</summary>
public sealed record TemplateRendererOptions
{
    /// <summary>Drop the first newline after a block tag (<c>%}</c>) or comment (Jinja's <c>trim_blocks</c>; Ansible: on).</summary>
    public bool TrimBlocks { get; init; } = true;

    /// <summary>Strip spaces and tabs before a block tag at the start of a line (Jinja's <c>lstrip_blocks</c>; Ansible: off).</summary>
    public bool LstripBlocks { get; init; }

    /// <summary>Keep the template's final newline (Ansible keeps it; plain Jinja drops one).</summary>
    public bool KeepTrailingNewline { get; init; } = true;

    /// <summary>
    /// Evaluate variable values that contain Jinja when they are used, against the scope they come from
    /// (Ansible's lazy templating of variables). Off: such values are used as literal text.
    /// </summary>
    public bool EvaluateNestedTemplates { get; init; } = true;

    /// <summary>Resolves template names given to <c>{% extends 'name' %}</c> (none: only template values can be extended).</summary>
    public ITemplateLoader? Loader { get; init; }
}
