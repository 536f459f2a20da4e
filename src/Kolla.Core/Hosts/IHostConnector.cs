using Kolla.Inventory;
namespace Kolla.Hosts;

/// <summary>Opens a connection to a host named in the inventory.</summary>
public interface IHostConnector
{
    /// <summary>Connects to <paramref name="target"/>; throws <see cref="HostUnreachableException"/> when it cannot.</summary>
    ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default);
}
