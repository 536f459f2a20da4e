namespace Kolla.Facts;

/// <summary>Facts could not be read: a host printed something that is not facts, or a fact cache file is not valid.</summary>
/// <remarks>The message names the host or the file.</remarks>
public sealed class FactsException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, naming the host or file.</param>
    /// <param name="innerException">The error behind it, if any.</param>
    public FactsException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>An error located in a file: <c>FILE:LINE: reason</c>, or <c>FILE: reason</c> when the line is unknown.</summary>
    internal static FactsException InFile(string file, int? line, string reason, Exception? innerException = null) =>
        new(Locate(file, line, reason), innerException);
}
