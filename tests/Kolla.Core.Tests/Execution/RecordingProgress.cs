using System.Collections.Concurrent;
using Kolla.Converge;

namespace Kolla.Tests.Execution;

/// <summary>Keeps every event, in the order reported.</summary>
internal sealed class RecordingProgress : IProgress<DeployEvent>
{
    private readonly ConcurrentQueue<DeployEvent> _events = new();

    public IReadOnlyList<DeployEvent> Events => [.. _events];

    public void Report(DeployEvent value) => _events.Enqueue(value);
}
