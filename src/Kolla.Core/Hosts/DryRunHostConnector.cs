using Kolla.Inventory;

namespace Kolla.Hosts;

/// <summary>
/// The dry-run executor: hosts that exist only in memory. Reads come from an optional read-only reader (the real
/// host, when it can be reached without changing it) or from nothing; writes and container actions are recorded,
/// never sent. Converging against it yields exactly the changes a real run would make from that state.
/// </summary>
internal sealed class DryRunHostConnector : IHostConnector, Kolla.Facts.IHostFactsGatherer
{
    private readonly Func<HostTarget, string?>? _localRoot;

    /// <summary>Creates a dry-run connector where every host starts empty.</summary>
    public DryRunHostConnector()
    {
    }

    /// <summary>Creates a dry-run connector whose local hosts (<c>ansible_connection=local</c>) start from this machine's real files, read-only.</summary>
    /// <param name="readLocalFiles">Whether local hosts see this machine's files.</param>
    public DryRunHostConnector(bool readLocalFiles)
    {
        if (readLocalFiles)
        {
            _localRoot = target => target.Connection == "local" ? "/" : null;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Only a local host whose files this connector reads (<c>ansible_connection=local</c>, <see cref="DryRunHostConnector(bool)"/>)
    /// has facts: this machine's, read in process. Any other host's facts must come from a fact cache.
    /// </remarks>
    public async ValueTask<Kolla.Facts.HostFacts> GatherFactsAsync(HostTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_localRoot?.Invoke(target) is null)
        {
            throw new Kolla.Facts.FactsException($"{target.Name}: no facts: the dry-run executor contacts no remote host; give a fact cache (--facts-cache DIR, filled by 'kolla gather-facts')");
        }

        return await Kolla.Facts.LocalHostFacts.ReadAsync(target.Name, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ValueTask.FromResult<IHostConnection>(new DryRunConnection(target.Name, _localRoot?.Invoke(target) is not null));
    }

    private sealed class DryRunConnection(string host, bool readLocal) : IHostConnection
    {
        public string Host { get; } = host;

        public IHostFiles Files { get; } = new MemoryHostFiles(readLocal);

        public IContainerRuntime Containers { get; } = new MemoryContainerRuntime(host);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
