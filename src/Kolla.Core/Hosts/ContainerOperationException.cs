namespace Kolla.Hosts;

/// <summary>The container engine refused or failed an operation on a named container.</summary>
public sealed class ContainerOperationException : HostExecutionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="host">Inventory name of the host.</param>
    /// <param name="container">Container (or image/volume) the operation was about.</param>
    /// <param name="message">What the engine said.</param>
    /// <param name="innerException">The engine error, if any.</param>
    public ContainerOperationException(string host, string container, string message, Exception? innerException = null)
        : base(host, $"{container}: {message}", innerException)
    {
        Container = container;
    }

    /// <summary>Container (or image/volume) the operation was about.</summary>
    public string Container { get; }
}
