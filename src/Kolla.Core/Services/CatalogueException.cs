namespace Kolla.Services;

/// <summary>A service definition is malformed: names the file (or embedded resource) and line.</summary>
public sealed class CatalogueException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">Definition file or resource.</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="message">What is wrong.</param>
    public CatalogueException(string source, int line, string message)
        : base(Locate(source, line, message))
    {
        Source = source;
        Line = line;
        Reason = message;
    }

    /// <summary>Definition file or resource.</summary>
    public new string Source { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }
}
