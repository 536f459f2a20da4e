using System.Diagnostics;
using Kolla.Changes;
using Kolla.Containers;
using Kolla.Hosts;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Converge;

/// <summary>
/// Applies a <see cref="DeploymentPlan"/>: hosts in parallel (<see cref="ConvergeOptions.Forks"/>), services in
/// dependency order across hosts (every host finishes a service before any host starts the next), each container's
/// changes in order, per-service restart policy (serial services one host at a time, waiting for health).
/// </summary>
/// <remarks>
/// Counterpart of kolla-ansible's <c>site.yml</c> plays with their config, check-containers and handler tasks.
/// A second run with no input change reads each host's state once and changes nothing.
/// </remarks>
public sealed class Converger
{
    private readonly IHostConnector _connector;
    private readonly ConvergeOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a converger over a way to reach hosts.</summary>
    public Converger(IHostConnector connector, ConvergeOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _connector = connector;
        _options = options ?? new ConvergeOptions();
        _time = timeProvider ?? TimeProvider.System;
        if (_options.Forks < 1 || _options.Serial is < 1 || _options.RollingBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "forks, serial and the rolling batch size must be at least 1");
        }
    }

    /// <summary>Reads every host's state and returns the changes a converge would make, touching nothing.</summary>
    /// <remarks>A host that cannot be reached gets a change set with <see cref="HostChangeSet.Error"/> set.</remarks>
    public async Task<IReadOnlyList<HostChangeSet>> PlanChangesAsync(DeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var result = new HostChangeSet[plan.Hosts.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Hosts.Count), new ParallelOptions { MaxDegreeOfParallelism = _options.Forks, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var host = plan.Hosts[i];
            if (host.RunsNothing)
            {
                // Nothing runs there (kolla-ansible's deployment host): nothing to read.
                result[i] = new HostChangeSet(host.Host, [], new Dictionary<string, byte[]>());
                return;
            }

            try
            {
                await using var connection = await _connector.ConnectAsync(host.Target, token).ConfigureAwait(false);
                var state = await ObservedHostState.ReadAsync(connection, host, token).ConfigureAwait(false);
                var calculator = new ChangeCalculator(state);
                var changes = host.Containers.SelectMany(c => Filter(calculator.For(c))).Where(c => c is not RecordConfigChange).ToList();
                var current = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                foreach (var path in changes.Select(c => c switch { WriteFileChange { Current: not null } w => w.File.Path, DeleteFileChange d => d.Path, _ => null }).OfType<string>())
                {
                    if (await connection.Files.ReadAsync(path, token).ConfigureAwait(false) is { } bytes)
                    {
                        current[path] = bytes;
                    }
                }

                result[i] = new HostChangeSet(host.Host, changes, current);
            }
            catch (KollaException e)
            {
                result[i] = new HostChangeSet(host.Host, [], new Dictionary<string, byte[]>(), e.Message);
            }
        }).ConfigureAwait(false);
        return result;
    }

    /// <summary>Converges every host of the plan.</summary>
    public async Task<DeployResult> ApplyAsync(DeploymentPlan plan, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var started = _time.GetTimestamp();
        var runs = plan.Hosts.Select(h => new HostRun(h)).ToList();
        try
        {
            await ForEachAsync(runs, _options.Forks, run => ConnectAsync(run, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
            foreach (var service in plan.ServiceOrder)
            {
                if (!_options.ContinueOnError && runs.Any(r => r.Error is not null))
                {
                    break;
                }

                var participants = runs.Where(r => r.Error is null && r.Plan.Containers.Any(c => c.Service == service)).ToList();
                var serial = participants.SelectMany(r => r.Plan.Containers).Any(c => c.Service == service && c.Restart == RestartStrategy.Serial);
                var batch = serial ? 1 : _options.Serial ?? participants.Count;
                foreach (var chunk in Batches(participants, batch))
                {
                    await ForEachAsync(chunk, _options.Forks, run => ConvergeServiceAsync(run, service, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
                    if (!_options.ContinueOnError && runs.Any(r => r.Error is not null))
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            foreach (var run in runs.Where(r => r.Connection is not null))
            {
                try
                {
                    await run.Connection!.DisposeAsync().ConfigureAwait(false);
                }
                catch (KollaException)
                {
                    // A connection that is already lost has nothing left to close.
                }
            }
        }

        var results = runs.Select(r => new HostResult(
            r.Plan.Host,
            r.Ok,
            r.Changes.Count(c => c is not RecordConfigChange and not HeldRestartChange),
            r.Error is null ? 0 : 1,
            r.Plan.Containers.Count - r.Ok - r.Touched + r.Held,
            r.Error)).ToList();
        return new DeployResult(
            results,
            runs.ToDictionary(r => r.Plan.Host, r => (IReadOnlyList<HostChange>)r.Changes.Where(c => c is not RecordConfigChange).ToList(), StringComparer.Ordinal),
            _time.GetElapsedTime(started));
    }

    private async Task ConnectAsync(HostRun run, IProgress<DeployEvent>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        if (run.Plan.RunsNothing)
        {
            // Nothing runs there (kolla-ansible's deployment host): it is not contacted.
            progress?.Report(new HostReadyEvent(run.Plan.Host, _time.GetElapsedTime(started)));
            return;
        }

        try
        {
            run.Connection = await _connector.ConnectAsync(run.Plan.Target with { ReadAheadDirectory = run.Plan.NodeConfigDirectory }, cancellationToken).ConfigureAwait(false);
            run.Calculator = new ChangeCalculator(await ObservedHostState.ReadAsync(run.Connection, run.Plan, cancellationToken).ConfigureAwait(false));
            progress?.Report(new HostReadyEvent(run.Plan.Host, _time.GetElapsedTime(started)));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(run, e, progress);
        }
    }

    private async Task ConvergeServiceAsync(HostRun run, string service, IProgress<DeployEvent>? progress, CancellationToken cancellationToken)
    {
        progress?.Report(new ServiceStartedEvent(run.Plan.Host, service));
        try
        {
            // Like kolla-ansible's config tasks before its handlers: every file of the service on this host first, in one batch.
            var planned = run.Plan.Containers.Where(c => c.Service == service).Select(c => (Container: c, Changes: Filter(run.Calculator!.For(c)))).ToList();
            await ApplyFilesAsync(run, planned, progress, cancellationToken).ConfigureAwait(false);
            foreach (var (container, changes) in planned)
            {
                if (changes.All(c => c is RecordConfigChange))
                {
                    run.Ok++;
                    progress?.Report(new ContainerOkEvent(run.Plan.Host, container.Spec.Name));
                }
                else
                {
                    run.Touched++;
                }

                foreach (var change in changes.Where(c => c is not WriteFileChange and not DeleteFileChange))
                {
                    var started = _time.GetTimestamp();
                    await ApplyAsync(run, container, change, cancellationToken).ConfigureAwait(false);
                    run.Changes.Add(change);
                    run.Held += change is HeldRestartChange ? 1 : 0;
                    if (change is not RecordConfigChange)
                    {
                        progress?.Report(new ChangeAppliedEvent(run.Plan.Host, change, _time.GetElapsedTime(started)));
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(run, e, progress);
        }
    }

    /// <summary>Batches of hosts for one service: other hosts first, then <see cref="ConvergeOptions.RollingHosts"/> in smaller batches.</summary>
    private IEnumerable<HostRun[]> Batches(List<HostRun> participants, int batch)
    {
        if (_options.RollingHosts is not { Count: > 0 } rolling)
        {
            return participants.Chunk(Math.Max(1, batch));
        }

        var others = participants.Where(r => !rolling.Contains(r.Plan.Host)).Chunk(Math.Max(1, batch));
        var rollingBatch = Math.Max(1, Math.Min(batch, _options.RollingBatchSize));
        return others.Concat(participants.Where(r => rolling.Contains(r.Plan.Host)).Chunk(rollingBatch));
    }

    private IReadOnlyList<HostChange> Filter(IReadOnlyList<HostChange> changes) =>
        _options.FilesOnly ? changes.Where(c => c is WriteFileChange or DeleteFileChange).ToList()
        : _options.ContainersOnly ? changes.Where(c => c is not WriteFileChange and not DeleteFileChange).ToList()
        : changes;

    /// <summary>
    /// A service's file writes and deletions on one host go to it as one batch (one command over SSH), with the config
    /// directories they land in; a container about to be created or recreated also loses its restart markers there,
    /// since its new label records the configuration it starts with.
    /// </summary>
    private async Task ApplyFilesAsync(HostRun run, IReadOnlyList<(ContainerPlan Container, IReadOnlyList<HostChange> Changes)> planned, IProgress<DeployEvent>? progress, CancellationToken cancellationToken)
    {
        var directories = new List<HostDirectory>();
        var writes = new List<HostFileWrite>();
        var deletes = new List<string>();
        var files = new List<HostChange>();
        foreach (var (container, changes) in planned)
        {
            foreach (var change in changes)
            {
                switch (change)
                {
                    case WriteFileChange write:
                        if (run.Directories.Add(container.ConfigDirectory))
                        {
                            directories.Add(new HostDirectory(container.ConfigDirectory, HostFileMode.ConfigDirectory));
                        }

                        writes.Add(new HostFileWrite(write.File.Path, write.File.Content, new HostFileMode(write.File.Mode)));
                        files.Add(change);
                        break;
                    case DeleteFileChange delete:
                        deletes.Add(delete.Path);
                        files.Add(change);
                        break;
                }
            }

            if (changes.Any(c => c is CreateContainerChange or RecreateContainerChange))
            {
                deletes.AddRange(run.Calculator!.State.ConfigMarkers(container.Spec.Name));
            }
        }

        var batch = new HostFileBatch(directories, writes, deletes);
        if (batch.IsEmpty)
        {
            return;
        }

        var started = _time.GetTimestamp();
        await run.Connection!.Files.ApplyAsync(batch, cancellationToken).ConfigureAwait(false);
        var elapsed = _time.GetElapsedTime(started);
        foreach (var change in files)
        {
            run.Changes.Add(change);
            progress?.Report(new ChangeAppliedEvent(run.Plan.Host, change, elapsed));
        }
    }

    private async Task ApplyAsync(HostRun run, ContainerPlan plan, HostChange change, CancellationToken cancellationToken)
    {
        var host = run.Connection!;
        var graceful = TimeSpan.FromSeconds(plan.Spec.GracefulTimeoutSeconds);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [KollaLabels.ConfigHash] = plan.ConfigHash };
        switch (change)
        {
            case CreateVolumeChange volume:
                await host.Containers.EnsureVolumeAsync(volume.Name, cancellationToken).ConfigureAwait(false);
                break;
            case PullImageChange pull:
                await host.Containers.PullImageAsync(pull.Image, cancellationToken).ConfigureAwait(false);
                break;
            case RunBootstrapChange bootstrap:
                var outcome = await host.Containers.RunOneShotAsync(bootstrap.Job.Spec, new Dictionary<string, string>(), bootstrap.Job.Timeout, cancellationToken).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    throw new ContainerOperationException(run.Plan.Host, bootstrap.Job.Spec.Name, $"one-shot job exited with code {outcome.ExitCode}; last output:\n{outcome.Output}");
                }

                break;
            case CreateContainerChange:
                run.Labelled.Add(plan.Spec.Name);
                await host.Containers.CreateAsync(plan.Spec, labels, cancellationToken).ConfigureAwait(false);
                await host.Containers.StartAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
                await StartedAsync(run, plan, cancellationToken).ConfigureAwait(false);
                break;
            case RecreateContainerChange:
                run.Labelled.Add(plan.Spec.Name);
                await host.Containers.StopAsync(plan.Spec.Name, graceful, cancellationToken).ConfigureAwait(false);
                await host.Containers.RemoveAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
                await host.Containers.CreateAsync(plan.Spec, labels, cancellationToken).ConfigureAwait(false);
                await host.Containers.StartAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
                await StartedAsync(run, plan, cancellationToken).ConfigureAwait(false);
                break;
            case RestartContainerChange:
                await host.Containers.RestartAsync(plan.Spec.Name, graceful, cancellationToken).ConfigureAwait(false);
                await StartedAsync(run, plan, cancellationToken).ConfigureAwait(false);
                break;
            case StartContainerChange:
                await host.Containers.StartAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
                await StartedAsync(run, plan, cancellationToken).ConfigureAwait(false);
                break;
            case RecordConfigChange record:
                await RecordAsync(run, record.Plan, cancellationToken).ConfigureAwait(false);
                break;
            case HeldRestartChange:
                break;
            default:
                throw new UnreachableException($"unexpected change {change.GetType().Name}");
        }
    }

    /// <summary>
    /// Records the configuration a restarted (or adopted) container runs: a marker file named by the hash, replacing the
    /// previous one, in one batch. A container created in this run needs none: its label says it.
    /// </summary>
    private async Task RecordAsync(HostRun run, ContainerPlan plan, CancellationToken cancellationToken)
    {
        if (run.Labelled.Contains(plan.Spec.Name))
        {
            return;
        }

        var marker = $"{ObservedHostState.StateDirectory(run.Plan.NodeConfigDirectory, plan.Spec.Name)}/{plan.ConfigHash}";
        var stale = run.Calculator!.State.ConfigMarkers(plan.Spec.Name).Where(p => p != marker).ToList();
        var write = new HostFileWrite(marker, ReadOnlyMemory<byte>.Empty, HostFileMode.Secret);
        await run.Connection!.Files.ApplyAsync(new HostFileBatch([], [write], stale), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// After a container (re)starts: waits for it to be healthy, then runs its post-start commands; or the other way
    /// round when its health depends on them (<see cref="ContainerPlan.PostStartBeforeHealthy"/>: MariaDB's check logs in
    /// as the monitor user its post-start command creates, so waiting first would never end on a first deploy).
    /// </summary>
    private async Task StartedAsync(HostRun run, ContainerPlan plan, CancellationToken cancellationToken)
    {
        if (plan.PostStartBeforeHealthy)
        {
            await PostStartAsync(run, plan, cancellationToken).ConfigureAwait(false);
            await WaitHealthyAsync(run, plan, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WaitHealthyAsync(run, plan, cancellationToken).ConfigureAwait(false);
            await PostStartAsync(run, plan, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The container's post-start commands, in order, each through <c>sh -c</c>; the first failure fails the container
    /// (with the container's own last output when it stopped meanwhile).
    /// </summary>
    private static async Task PostStartAsync(HostRun run, ContainerPlan plan, CancellationToken cancellationToken)
    {
        foreach (var command in plan.PostStart)
        {
            var result = await run.Connection!.Containers.ExecAsync(plan.Spec.Name, ["sh", "-c", command], cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var state = await run.Connection.Containers.InspectAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
                var stopped = state is null || state.Status is "exited" or "dead";
                var tail = state is not null && stopped
                    ? $"\nthe container stopped; its last output:\n{await run.Connection.Containers.GetLogTailAsync(plan.Spec.Name, 20, cancellationToken).ConfigureAwait(false)}"
                    : "";
                throw new ContainerOperationException(run.Plan.Host, plan.Spec.Name, $"post-start command exited with code {result.ExitCode}; last output:\n{result.Output}{tail}");
            }
        }
    }

    private async Task WaitHealthyAsync(HostRun run, ContainerPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Spec.Healthcheck is null)
        {
            return;
        }

        var deadline = _time.GetTimestamp() + (long)(_options.HealthTimeout.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            var state = await run.Connection!.Containers.InspectAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
            if (state is null || state.Status is "exited" or "dead")
            {
                var tail = state is null ? "" : await run.Connection.Containers.GetLogTailAsync(plan.Spec.Name, 20, cancellationToken).ConfigureAwait(false);
                throw new ContainerOperationException(run.Plan.Host, plan.Spec.Name, $"stopped while waiting for it to become healthy; last output:\n{tail}");
            }

            if (state.Health is null or "healthy")
            {
                return;
            }

            if (_time.GetTimestamp() > deadline)
            {
                throw new ContainerOperationException(run.Plan.Host, plan.Spec.Name, $"not healthy after {_options.HealthTimeout.TotalSeconds:0} s (health: {state.Health})");
            }

            await Task.Delay(_options.HealthPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Fail(HostRun run, Exception e, IProgress<DeployEvent>? progress)
    {
        run.Error = e is KollaException ? e.Message : $"{run.Plan.Host}: unexpected error: {e.GetType().Name}: {e.Message}";
        run.Exception = e;
        progress?.Report(new HostFailedEvent(run.Plan.Host, run.Error));
    }

    private static async Task ForEachAsync<T>(IEnumerable<T> items, int parallelism, Func<T, Task> action, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, (item, _) => new ValueTask(action(item))).ConfigureAwait(false);

    private sealed class HostRun(HostPlan plan)
    {
        public HostPlan Plan { get; } = plan;

        public IHostConnection? Connection { get; set; }

        public ChangeCalculator? Calculator { get; set; }

        public List<HostChange> Changes { get; } = [];

        public HashSet<string> Directories { get; } = new(StringComparer.Ordinal);

        /// <summary>Containers created or recreated in this run (their label holds their config hash).</summary>
        public HashSet<string> Labelled { get; } = new(StringComparer.Ordinal);

        public int Ok { get; set; }

        public int Touched { get; set; }

        public int Held { get; set; }

        public string? Error { get; set; }

        public Exception? Exception { get; set; }
    }
}
