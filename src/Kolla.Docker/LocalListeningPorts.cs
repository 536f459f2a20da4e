using System.Net;
using System.Net.NetworkInformation;
using Kolla.Hosts;

namespace Kolla.Docker;

/// <summary>The TCP ports something listens on, on this machine (the prechecks of local hosts).</summary>
/// <remarks>Reads the kernel's socket table (<c>/proc/net/tcp</c> and <c>tcp6</c> on Linux); opens no socket.</remarks>
public sealed class LocalListeningPorts : IListeningPorts
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IPEndPoint>> ReadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<IPEndPoint> listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        return Task.FromResult(listeners);
    }
}
