namespace Kolla.Hosts;

/// <summary>An action on a host failed.</summary>
public class HostExecutionException : KollaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="host">Inventory name of the host.</param>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The transport or engine error, if any.</param>
    public HostExecutionException(string host, string message, Exception? innerException = null)
        : base($"{host}: {message}", innerException)
    {
        Host = host;
    }

    /// <summary>Inventory name of the host.</summary>
    public string Host { get; }
}
