namespace Kolla;

/// <summary>The root of every error Kolla reports on purpose (bad input, failed host action).</summary>
/// <remarks>Callers catch this type to print one clear line; anything else is a bug.</remarks>
public abstract class KollaException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    private protected KollaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    private protected KollaException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The one-line <c>FILE:LINE: reason</c> form every located error uses: <c>FILE: reason</c> when the line is
    /// unknown (null or 0), the bare reason when there is no file either.
    /// </summary>
    private protected static string Locate(string? file, int? line, string reason) => (file, line) switch
    {
        (null, _) => reason,
        (_, > 0) => $"{file}:{line}: {reason}",
        _ => $"{file}: {reason}",
    };
}
