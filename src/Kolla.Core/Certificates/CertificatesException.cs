namespace Kolla.Certificates;

/// <summary>The certificates cannot be made: a setting is missing or invalid, or a file cannot be read or written.</summary>
public sealed class CertificatesException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, naming the variable or the file.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public CertificatesException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
