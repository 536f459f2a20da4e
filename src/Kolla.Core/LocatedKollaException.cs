namespace Kolla;

/// <summary>An error Kolla reports at a line of an input file (passwords, templates, service definitions).</summary>
/// <remarks>
/// The message is one line, <c>FILE:LINE: reason</c> (or <c>FILE: reason</c>), ready to print. Only Kolla derives from
/// it; each derived type names its file.
/// </remarks>
public abstract class LocatedKollaException : KollaException
{
    /// <summary>Creates the exception with the located message.</summary>
    /// <param name="file">The file (or resource) the problem is in.</param>
    /// <param name="line">1-based line, or 0 when the problem has no line.</param>
    /// <param name="reason">What is wrong, without the location.</param>
    private protected LocatedKollaException(string file, int line, string reason)
        : base(Locate(file, line, reason))
    {
        Line = line;
        Reason = reason;
    }

    /// <summary>1-based line of the problem (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
