namespace Kolla.Services;

/// <summary>A service definition is malformed: names the file (or embedded resource) and line.</summary>
public sealed class CatalogueException : LocatedKollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">Definition file or resource.</param>
    /// <param name="line">1-based line, or 0 when unknown.</param>
    /// <param name="message">What is wrong.</param>
    public CatalogueException(string source, int line, string message)
        : base(source, line, message)
    {
        Source = source;
    }

    /// <summary>Definition file or resource.</summary>
    public new string Source { get; }
}
