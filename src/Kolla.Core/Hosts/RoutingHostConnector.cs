using Kolla.Inventory;
namespace Kolla.Hosts;

/// <summary>Chooses an executor per host: the first <see cref="HostConnectorRoute"/> whose predicate matches the host.</summary>
/// <remarks>
/// What <c>services.AddKolla().AddDockerExecutor().AddSshExecutor()</c> registers as <see cref="IHostConnector"/>: local hosts
/// (<c>ansible_connection=local</c>) go to Docker, the others over SSH, as kolla-ansible's connection plugins do.
/// </remarks>
internal sealed class RoutingHostConnector : IHostConnector, Kolla.Facts.IHostFactsGatherer
{
    private readonly HostConnectorRoute[] _routes;

    /// <summary>Creates the router; earlier routes win.</summary>
    /// <param name="routes">The executors, in priority order.</param>
    public RoutingHostConnector(IEnumerable<HostConnectorRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _routes = [.. routes];
    }

    /// <summary>The executors, in priority order.</summary>
    public IReadOnlyList<HostConnectorRoute> Routes => _routes;

    /// <inheritdoc/>
    /// <exception cref="HostUnreachableException">No executor serves the host.</exception>
    public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var route in _routes)
        {
            if (route.Matches(target))
            {
                return route.Connector.ConnectAsync(target, cancellationToken);
            }
        }

        throw NoRoute(target);
    }

    /// <inheritdoc/>
    /// <remarks>Through the host's executor, when it gathers facts; otherwise a <see cref="Kolla.Facts.FactsException"/> naming the host.</remarks>
    public ValueTask<Kolla.Facts.HostFacts> GatherFactsAsync(HostTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var route in _routes)
        {
            if (route.Matches(target))
            {
                return route.Connector is Kolla.Facts.IHostFactsGatherer gatherer
                    ? gatherer.GatherFactsAsync(target, cancellationToken)
                    : throw new Kolla.Facts.FactsException($"{target.Name}: the {route.Name} executor gathers no facts; give a fact cache (KollaOptions.FactsCacheDirectory)");
            }
        }

        throw NoRoute(target);
    }

    private HostUnreachableException NoRoute(HostTarget target)
    {
        var known = _routes.Length == 0 ? "none is registered" : "registered: " + string.Join(", ", _routes.Select(r => r.Name));
        return new HostUnreachableException(
            target.Name,
            $"no executor serves ansible_connection={target.Connection} ({known}); add AddDockerExecutor() for local hosts, AddSshExecutor() for remote ones, or AddDryRunExecutor()");
    }
}
