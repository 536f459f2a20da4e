namespace Kolla.Hosts;

/// <summary>An open connection to one target host: its files and its container runtime, over one transport.</summary>
public interface IHostConnection : IAsyncDisposable
{
    /// <summary>The host's inventory name (<c>inventory_hostname</c>).</summary>
    string Host { get; }

    /// <summary>The host's files.</summary>
    IHostFiles Files { get; }

    /// <summary>The host's container runtime.</summary>
    IContainerRuntime Containers { get; }
}
