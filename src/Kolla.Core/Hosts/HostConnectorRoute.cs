using Kolla.Inventory;
namespace Kolla.Hosts;

/// <summary>One executor of a <see cref="RoutingHostConnector"/> and the hosts it serves.</summary>
/// <param name="Name">Executor name for messages (<c>docker</c>, <c>ssh</c>, <c>dry-run</c>).</param>
/// <param name="Matches">Whether it serves a host (for example <c>t =&gt; t.Connection == "local"</c>).</param>
/// <param name="Connector">The executor.</param>
public sealed record HostConnectorRoute(string Name, Func<HostTarget, bool> Matches, IHostConnector Connector);
