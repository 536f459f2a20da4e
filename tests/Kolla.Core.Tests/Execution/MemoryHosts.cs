using System.Collections.Concurrent;
using Kolla.Hosts;
using Kolla.Inventory;

namespace Kolla.Tests.Execution;

/// <summary>Hosts held in memory that keep their state between connections (a deploy, then a destroy, then a check).</summary>
internal sealed class MemoryHosts : IHostConnector
{
    private readonly ConcurrentDictionary<string, Host> _hosts = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Connections { get; } = new();

    public HashSet<string> Unreachable { get; } = new(StringComparer.Ordinal);

    public Func<IContainerRuntime, IContainerRuntime> WrapRuntime { get; init; } = r => r;

    public Host this[string name] => _hosts.GetOrAdd(name, n => new Host(n, WrapRuntime(new MemoryContainerRuntime(n))));

    public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default)
    {
        if (Unreachable.Contains(target.Name))
        {
            throw new HostUnreachableException(target.Name, "connection refused");
        }

        Connections.Enqueue(target.Name);
        return ValueTask.FromResult<IHostConnection>(this[target.Name]);
    }

    internal sealed class Host(string name, IContainerRuntime containers) : IHostConnection
    {
        string IHostConnection.Host => name;

        public MemoryHostFiles MemoryFiles { get; } = new(readLocal: false);

        public IHostFiles Files => MemoryFiles;

        public IContainerRuntime Containers { get; } = containers;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
