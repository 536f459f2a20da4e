namespace Kolla.Templates.Jinja;

/// <summary>Helpers about template source text.</summary>
internal static class TemplateText
{
    /// <summary>True when a string holds Jinja markup and so must be evaluated (Ansible's test).</summary>
    public static bool IsTemplated(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal) || text.Contains("{#", StringComparison.Ordinal);
}
