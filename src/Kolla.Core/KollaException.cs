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
}
