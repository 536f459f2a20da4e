namespace Kolla.Templates.Jinja;

/// <summary>
/// An evaluation error inside a template. It rises through the engine without being caught and thrown again: the
/// statements and templated values it passes add what they know in exception filters (<see cref="Locate"/>,
/// <see cref="InValueOf"/>), and the public entry points turn it into a <see cref="TemplateException"/> once.
/// </summary>
/// <remarks>
/// A catch block runs on top of the stack the exception was thrown from; a hundred nested catch-and-throw blocks (one
/// per templated variable) would need more stack than an error near the stack limit has left.
/// </remarks>
internal sealed class TemplateRuntimeException(string reason, int line) : Exception(reason)
{
    public string Reason { get; private set; } = reason;

    /// <summary>The line (0 until something with a line claims the error).</summary>
    public int Line { get; private set; } = line;

    /// <summary>The template the line is in, once a statement has claimed the error.</summary>
    public string? File { get; private set; }

    /// <summary>The innermost variable whose value failed to evaluate, when the error came from one.</summary>
    public string? Variable { get; set; }

    public override string Message => Reason;

    /// <summary>
    /// Places the error in <paramref name="file"/> (at <paramref name="line"/> when it has none yet), unless an inner
    /// statement already did. Always false, for use as an exception filter.
    /// </summary>
    public bool Locate(string file, int line)
    {
        if (File is null)
        {
            File = file;
            Line = Line > 0 ? Line : line;
        }

        return false;
    }

    /// <summary>
    /// Moves the error to where a templated variable is used, naming the innermost variable it happened in (once: a chain
    /// of variables does not grow the message). Always false, for use as an exception filter.
    /// </summary>
    public bool InValueOf(string path, int line)
    {
        if (!Reason.Contains(" (in the value of '", StringComparison.Ordinal))
        {
            Reason = $"{Reason} (in the value of '{path}')";
        }

        Variable ??= path;
        Line = line;
        File = null;
        return false;
    }

    /// <summary>The public error, in the template the error was placed in (or <paramref name="file"/>), secrets masked.</summary>
    public TemplateException ToTemplateException(string file, RenderState state) =>
        new(File ?? file, Line, state.MaskSecrets(Reason)) { Variable = Variable };
}
