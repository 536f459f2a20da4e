namespace Kolla.Templates;

/// <summary>How templates are read and rendered; the defaults match Ansible's <c>template</c> module.</summary>
internal sealed record TemplateRendererOptions
{
    /// <summary>Drop the first newline after a block tag (<c>%}</c>) or comment (Jinja's <c>trim_blocks</c>; Ansible: on).</summary>
    public bool TrimBlocks { get; init; } = true;

    /// <summary>Strip spaces and tabs before a block tag at the start of a line (Jinja's <c>lstrip_blocks</c>; Ansible: off).</summary>
    public bool LstripBlocks { get; init; }

    /// <summary>Keep the template's final newline (Jinja's <c>keep_trailing_newline</c>; kolla's image templates: on). Off: Jinja drops one.</summary>
    public bool KeepTrailingNewline { get; init; }

    /// <summary>
    /// Pad the output to as many final newlines as the template ends with, where rendering left fewer (Ansible's
    /// <c>preserve_trailing_newlines</c>, on): with Jinja dropping one final newline first, <c>{{ key }}\n</c> and a key
    /// ending in a newline give one newline, not two, and a template ending <c>{% endif %}\n</c> still ends with one.
    /// </summary>
    public bool PadTrailingNewlines { get; init; } = true;

    /// <summary>
    /// Evaluate variable values that contain Jinja when they are used, against the scope they come from
    /// (Ansible's lazy templating of variables). Off: such values are used as literal text.
    /// </summary>
    public bool EvaluateNestedTemplates { get; init; } = true;

    /// <summary>
    /// Secret values (passwords.yml) to follow: a string read from the variables that equals one is tainted, so is every
    /// value computed from it, and the renderer records the text they produce in <see cref="TemplateRenderer.DerivedSecrets"/>
    /// (for masking what is shown to people). The rendered text is the same with or without. None: nothing is followed.
    /// </summary>
    public TemplateSecrets? Secrets { get; init; }

    /// <summary>
    /// Keep each templated variable's evaluated value for the renders that follow, with the variables its evaluation read
    /// from its scope (those of the values it used included), and reuse it where those variables have the same values:
    /// a group or global value (<c>keystone_internal_url</c>) is then evaluated once per plan, not once per render of
    /// every host. Only for scopes that do not change while the renderer is in use (a plan's); the output is the same.
    /// </summary>
    public bool ShareValues { get; init; }

    /// <summary>Resolves template names given to <c>{% extends 'name' %}</c> (none: only template values can be extended).</summary>
    public ITemplateLoader? Loader { get; init; }

    /// <summary>What one render may produce and loop over (null: <see cref="KollaLimits.FromEnvironment()"/> when the renderer is made).</summary>
    public KollaLimits? Limits { get; init; }
}
