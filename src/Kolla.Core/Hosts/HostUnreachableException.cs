namespace Kolla.Hosts;

/// <summary>A host could not be reached (connection refused, authentication failed, host key refused, connection lost).</summary>
public sealed class HostUnreachableException : HostExecutionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="host">Inventory name of the host.</param>
    /// <param name="message">Why it could not be reached.</param>
    /// <param name="innerException">The transport error, if any.</param>
    public HostUnreachableException(string host, string message, Exception? innerException = null)
        : base(host, message, innerException)
    {
    }
}
