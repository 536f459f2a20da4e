using Kolla.Changes;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Converge;

/// <summary>
/// Runs one piece of work per host of a plan, hosts in parallel up to a fork limit, one connection each, and tallies a
/// recap like Ansible's PLAY RECAP. Used by the operations that are not a converge (pull, stop, destroy).
/// </summary>
internal sealed class HostFanOut(IHostConnector connector, int forks, bool continueOnError, TimeProvider time)
{
    /// <summary>Runs <paramref name="work"/> on every host and returns the recap.</summary>
    public async Task<DeployResult> RunAsync(
        DeploymentPlan plan,
        IProgress<DeployEvent>? progress,
        Func<HostPlan, IHostConnection, HostTally, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var tallies = plan.Hosts.Select(h => new HostTally(h.Host) { PlannedCount = h.Containers.Count }).ToArray();
        var failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = forks, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Hosts.Count), parallel, async (i, token) =>
        {
            var host = plan.Hosts[i];
            var tally = tallies[i];
            if (!continueOnError && Volatile.Read(ref failed) > 0)
            {
                tally.NotStarted = true;
                return;
            }

            var connected = time.GetTimestamp();
            if (host.RunsNothing)
            {
                // Nothing runs there (kolla-ansible's deployment host): it is not contacted.
                progress?.Report(new HostReadyEvent(host.Host, time.GetElapsedTime(connected)));
                return;
            }

            try
            {
                await using var connection = await connector.ConnectAsync(host.Target, token).ConfigureAwait(false);
                progress?.Report(new HostReadyEvent(host.Host, time.GetElapsedTime(connected)));
                tally.Progress = progress;
                tally.Time = time;
                await work(host, connection, tally, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                tally.Error = e is KollaException ? e.Message : $"{host.Host}: unexpected error: {e.GetType().Name}: {e.Message}";
                Interlocked.Increment(ref failed);
                progress?.Report(new HostFailedEvent(host.Host, tally.Error));
            }
        }).ConfigureAwait(false);

        return new DeployResult(
            tallies.Select(t => new HostResult(t.Host, t.Ok, t.Changes.Count, t.Error is null ? 0 : 1, t.Skipped, t.Error)).ToList(),
            tallies.ToDictionary(t => t.Host, t => (IReadOnlyList<HostChange>)[.. t.Changes], StringComparer.Ordinal),
            time.GetElapsedTime(started));
    }
}

/// <summary>What happened on one host during a <see cref="HostFanOut"/> run.</summary>
internal sealed class HostTally(string host)
{
    public string Host { get; } = host;

    public int Ok { get; set; }

    public List<HostChange> Changes { get; } = [];

    public int PlannedCount { get; set; }

    public bool NotStarted { get; set; }

    /// <summary>Containers not processed because the run stopped before this host started.</summary>
    public int Skipped => NotStarted ? PlannedCount : 0;

    public string? Error { get; set; }

    public IProgress<DeployEvent>? Progress { get; set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>Applies one change and reports it.</summary>
    public async Task ApplyAsync(HostChange change, Func<Task> action)
    {
        var started = Time.GetTimestamp();
        await action().ConfigureAwait(false);
        Changes.Add(change);
        Progress?.Report(new ChangeAppliedEvent(Host, change, Time.GetElapsedTime(started)));
    }

    /// <summary>Counts something that needed no change.</summary>
    public void AlreadyOk(string container)
    {
        Ok++;
        Progress?.Report(new ContainerOkEvent(Host, container));
    }
}
