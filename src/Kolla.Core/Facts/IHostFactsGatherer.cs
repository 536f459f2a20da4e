using Kolla.Inventory;

namespace Kolla.Facts;

/// <summary>Gathers one host's facts through its executor (in process for the local host, over the host's transport otherwise).</summary>
/// <remarks>
/// A connector that implements it may keep the connection it opened for the facts and hand it out on the next
/// <c>IHostConnector.ConnectAsync</c> for the same host, so gathering costs no extra login.
/// </remarks>
public interface IHostFactsGatherer
{
    /// <summary>Gathers the facts of <paramref name="target"/>.</summary>
    /// <exception cref="KollaException">The host cannot be reached (the executor's <c>HostUnreachableException</c>).</exception>
    /// <exception cref="FactsException">The host answered with something that is not facts, or this executor gathers none for it.</exception>
    ValueTask<HostFacts> GatherFactsAsync(HostTarget target, CancellationToken cancellationToken = default);
}
