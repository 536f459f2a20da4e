using System.Net;

namespace Kolla.Hosts;

/// <summary>The TCP ports something listens on, on the machine this process runs on (for the port prechecks of local hosts).</summary>
/// <remarks>Kolla.Docker implements it for the local machine; Core only asks.</remarks>
public interface IListeningPorts
{
    /// <summary>Every listening TCP socket: its local address (<see cref="IPAddress.Any"/> or <see cref="IPAddress.IPv6Any"/> for all addresses) and port.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The listeners.</returns>
    Task<IReadOnlyList<IPEndPoint>> ReadAsync(CancellationToken cancellationToken = default);
}
