namespace Kolla.Bootstrap;

/// <summary>A host cannot be prepared: an unsupported system, a variable of the wrong kind, or a step that failed.</summary>
public sealed class BootstrapException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, as the user reads it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public BootstrapException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
