namespace Kolla.Images;

/// <summary>An operator's template override (<c>--template-override FILE</c>): it extends <c>parent_template</c> and fills blocks.</summary>
/// <param name="Path">The file (for messages).</param>
/// <param name="Text">Its content.</param>
public sealed record TemplateOverride(string Path, string Text);
