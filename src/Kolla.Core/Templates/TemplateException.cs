namespace Kolla.Templates;

/// <summary>A template could not be parsed or rendered: a syntax error, an undefined variable, a bad filter input.</summary>
/// <remarks>The message is one line, <c>FILE:LINE: reason</c> (or <c>FILE: reason</c>), ready to print.</remarks>
public sealed class TemplateException : LocatedKollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The template's file name (or a description such as <c>value of 'x'</c>).</param>
    /// <param name="line">1-based line in that template (0 when the problem has no line, such as an unreadable file).</param>
    /// <param name="reason">What went wrong, without the location.</param>
    public TemplateException(string file, int line, string reason)
        : base(file, line, reason)
    {
        File = file;
    }

    /// <summary>The template's file name.</summary>
    public string File { get; }

    /// <summary>The innermost variable whose value failed to evaluate, when the error came from one (to name where it was set).</summary>
    internal string? Variable { get; init; }
}
