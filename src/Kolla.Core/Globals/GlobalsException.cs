namespace Kolla.Globals;

/// <summary><c>globals.yml</c> cannot be used: a YAML error or a known key with the wrong type.</summary>
/// <remarks>The message is one line, <c>FILE:LINE: reason</c>, ready to print.</remarks>
public sealed class GlobalsException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The globals file.</param>
    /// <param name="line">1-based line, or 0 when the problem has no line.</param>
    /// <param name="key">The variable concerned, if any.</param>
    /// <param name="reason">What is wrong.</param>
    public GlobalsException(string file, int line, string? key, string reason)
        : base(Locate(file, line, reason))
    {
        File = file;
        Line = line;
        Key = key;
        Reason = reason;
    }

    /// <summary>The globals file.</summary>
    public string File { get; }

    /// <summary>1-based line (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>The variable concerned, if any.</summary>
    public string? Key { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
