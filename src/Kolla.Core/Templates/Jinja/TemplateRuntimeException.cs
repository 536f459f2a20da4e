namespace Kolla.Templates.Jinja;

/// <summary>An evaluation error inside a template; the enclosing statement adds the file name.</summary>
internal sealed class TemplateRuntimeException(string reason, int line) : Exception(reason)
{
    public string Reason { get; } = reason;

    public int Line { get; } = line;

    /// <summary>The innermost variable whose value failed to evaluate, when the error came from one.</summary>
    public string? Variable { get; init; }
}
