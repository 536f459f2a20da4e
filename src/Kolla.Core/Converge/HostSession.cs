using Kolla.Changes;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Converge;

/// <summary>
/// One host while <see cref="HostFanOut"/> runs an operation: its plan, its connection, what was done there and how it
/// failed; it reports what happens as <see cref="DeployEvent"/>s. Operations that keep more per host derive from it.
/// </summary>
internal class HostSession(HostPlan plan, IProgress<DeployEvent>? progress, TimeProvider time)
{
    private string? _error;

    public HostPlan Plan { get; } = plan;

    public string Host => Plan.Host;

    /// <summary>The open connection; null before connecting, for a host that runs nothing, and once closed.</summary>
    public IHostConnection? Connection { get; set; }

    /// <summary>The changes applied, in order.</summary>
    public List<HostChange> Changes { get; } = [];

    /// <summary>Containers that needed no change.</summary>
    public int Ok { get; set; }

    /// <summary>True when the run stopped (another host failed) before this host started.</summary>
    public bool NotStarted { get; set; }

    /// <summary>The failure, one line; null while the host is fine.</summary>
    public string? Error => Volatile.Read(ref _error);

    /// <summary>What failed, for callers that want more than the message.</summary>
    public Exception? Exception { get; private set; }

    public TimeProvider Time { get; } = time;

    /// <summary>Reports an event of this host.</summary>
    public void Report(DeployEvent deployEvent) => progress?.Report(deployEvent);

    /// <summary>Applies one change, records it and reports it with the time it took.</summary>
    public async Task ApplyAsync(HostChange change, Func<Task> action)
    {
        var started = Time.GetTimestamp();
        await action().ConfigureAwait(false);
        Changes.Add(change);
        Report(new ChangeAppliedEvent(Host, change, Time.GetElapsedTime(started)));
    }

    /// <summary>Counts a container that needed no change.</summary>
    public void AlreadyOk(string container)
    {
        Ok++;
        Report(new ContainerOkEvent(Host, container));
    }

    /// <summary>Marks the host failed and reports it; nothing more runs there.</summary>
    public void Fail(Exception exception)
    {
        Exception = exception;
        var message = exception is KollaException ? exception.Message : $"{Host}: unexpected error: {exception.GetType().Name}: {exception.Message}";
        Volatile.Write(ref _error, message);
        Report(new HostFailedEvent(Host, message));
    }

    /// <summary>The host's line of the recap. By default: changes applied, and every planned container skipped when the host never started.</summary>
    public virtual HostResult Recap() => new(Host, Ok, Changes.Count, Error is null ? 0 : 1, NotStarted ? Plan.Containers.Count : 0, Error);

    /// <summary>The changes the result lists for this host.</summary>
    public virtual IReadOnlyList<HostChange> Applied() => [.. Changes];
}
