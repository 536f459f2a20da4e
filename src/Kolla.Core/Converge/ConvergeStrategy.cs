using System.Diagnostics;
using Kolla.Changes;
using Kolla.Containers;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Converge;

/// <summary>
/// What a converge does on one host (<see cref="Converger"/>'s strategy, run by <see cref="HostFanOut"/>): read the host's
/// state once, then service by service write the files in one batch and apply each container's changes in order,
/// waiting for health and running post-start commands after a (re)start; last, check that what it started still runs.
/// </summary>
internal sealed class ConvergeStrategy(ConvergeOptions options, TimeProvider time)
{
    private readonly ConvergeOptions _options = options;
    private readonly TimeProvider _time = time;

    /// <summary>Reads a connected host's state once: every later change of the run is computed from it.</summary>
    public static async Task ReadStateAsync(ConvergeSession run, IHostConnection connection, CancellationToken cancellationToken) =>
        run.Calculator = new ChangeCalculator(await ObservedHostState.ReadAsync(connection, run.Plan, cancellationToken).ConfigureAwait(false));

    /// <summary>What a converge would change on a connected host, with the current content of each file it would change.</summary>
    public async Task<HostChangeSet> GetChangesAsync(HostPlan host, IHostConnection connection, CancellationToken cancellationToken)
    {
        var state = await ObservedHostState.ReadAsync(connection, host, cancellationToken).ConfigureAwait(false);
        var calculator = new ChangeCalculator(state);
        var changes = host.Containers.SelectMany(c => Filter(calculator.For(c))).Where(c => c is not RecordConfigChange).ToList();
        var current = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in changes.Select(c => c switch { WriteFileChange { Current: not null } w => w.File.Path, DeleteFileChange d => d.Path, _ => null }).OfType<string>())
        {
            if (await connection.Files.ReadAsync(path, cancellationToken).ConfigureAwait(false) is { } bytes)
            {
                current[path] = bytes;
            }
        }

        return new HostChangeSet(host.Host, changes, current);
    }

    /// <summary>One service on one host: its files first, in one batch, then each container's changes in order.</summary>
    public async Task ConvergeServiceAsync(ConvergeSession run, string service, CancellationToken cancellationToken)
    {
        run.Report(new ServiceStartedEvent(run.Host, service));

        // Like kolla-ansible's config tasks before its handlers: every file of the service on this host first, in one batch.
        var planned = run.Plan.Containers.Where(c => c.Service == service)
            .Select(c => (Container: c, Changes: NewGaleraCluster.Bootstrapping(Filter(run.Calculator!.For(c)), run.Bootstraps))).ToList();
        await ApplyFilesAsync(run, planned, cancellationToken).ConfigureAwait(false);
        foreach (var (container, changes) in planned)
        {
            if (changes.All(c => c is RecordConfigChange))
            {
                run.AlreadyOk(container.Spec.Name);
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
                    run.Report(new ChangeAppliedEvent(run.Host, change, _time.GetElapsedTime(started)));
                }
            }
        }
    }

    /// <summary>
    /// After a service is done on every host: each of its containers on this host that reloads after one of the one-shot
    /// jobs in <paramref name="ran"/> (<see cref="ContainerPlan.ReloadAfter"/>) gets SIGHUP. The signal goes to the
    /// container's init process from inside (<c>kill -HUP 1</c>, which Kolla's dumb-init passes on to the service), not
    /// through the engine's kill call: Docker then counts the container as stopped by hand, and a daemon restart would
    /// leave it down despite its restart policy (kolla-ansible signals the process from the host for the same reason).
    /// </summary>
    public async Task ReloadAsync(ConvergeSession run, string service, IReadOnlySet<string> ran, CancellationToken cancellationToken)
    {
        foreach (var container in run.Plan.Containers.Where(c => c.Service == service))
        {
            if (container.ReloadAfter.FirstOrDefault(ran.Contains) is not { } job)
            {
                continue;
            }

            var change = new ReloadContainerChange(container, job);
            var started = _time.GetTimestamp();
            var result = await run.Connection!.Containers.ExecAsync(container.Spec.Name, ["sh", "-c", "kill -HUP 1"], cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new ContainerOperationException(run.Host, container.Spec.Name, $"could not send SIGHUP after one-shot {job} (exit code {result.ExitCode}): {result.Output}");
            }

            run.Changes.Add(change);
            run.Report(new ChangeAppliedEvent(run.Host, change, _time.GetElapsedTime(started)));
        }
    }

    /// <summary>
    /// The last step of forming a new Galera cluster, on the host that started it, once the others joined: each node it
    /// started with <c>--wsrep-new-cluster</c> is stopped cleanly and recreated as planned, then waited for as any start
    /// (post-start commands, health) and until it is synced again (kolla-ansible's <c>mariadb_bootstrap_restart</c>).
    /// </summary>
    public async Task RejoinClusterAsync(ConvergeSession run, CancellationToken cancellationToken)
    {
        var runtime = run.Connection!.Containers;
        foreach (var cluster in run.Bootstraps.Where(c => run.Changes.OfType<BootstrapClusterChange>().Any(b => b.Container == c.Container)))
        {
            var plan = run.Plan.Containers.First(c => c.Spec.Name == cluster.Container);
            var change = new RejoinClusterChange(plan, cluster.Joiners);
            var started = _time.GetTimestamp();
            await GaleraNode.StopAsync(runtime, plan.Spec.Name, TimeSpan.FromSeconds(plan.Spec.GracefulTimeoutSeconds), cancellationToken).ConfigureAwait(false);
            await runtime.RemoveAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
            await CreateAndStartAsync(run, plan, plan.Spec, synced: true, cancellationToken).ConfigureAwait(false);
            run.Changes.Add(change);
            run.Report(new ChangeAppliedEvent(run.Host, change, _time.GetElapsedTime(started)));
        }
    }

    /// <summary>The one-shot jobs whose completion, somewhere in the deployment, makes some container of <paramref name="service"/> reload.</summary>
    public static IReadOnlySet<string> ReloadTriggers(IEnumerable<HostChange> changes, IEnumerable<ContainerPlan> containers, string service)
    {
        var wanted = containers.Where(c => c.Service == service).SelectMany(c => c.ReloadAfter).ToHashSet(StringComparer.Ordinal);
        return wanted.Count == 0
            ? wanted
            : changes.OfType<RunBootstrapChange>().Select(b => b.Job.Spec.Name).Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The last stage on a host that (re)started containers: waits until <see cref="ConvergeOptions.SettleTime"/> has passed
    /// since its last start (not at all on a simulated runtime), then inspects each container it started and fails the host
    /// on the first that stopped, restarted or turned unhealthy, with its exit code, health check output and last log lines.
    /// </summary>
    public async Task SettleAsync(ConvergeSession run, CancellationToken cancellationToken)
    {
        var connection = run.Connection!;
        var last = run.Started.Max(s => s.StartedAt);
        var remaining = _options.SettleTime - _time.GetElapsedTime(last);
        if (remaining > TimeSpan.Zero && connection.Containers is not ISimulatedContainerRuntime)
        {
            await Task.Delay(remaining, _time, cancellationToken).ConfigureAwait(false);
        }

        // A container restarted twice in the run is checked once.
        foreach (var plan in run.Started.Select(s => s.Container).DistinctBy(c => c.Spec.Name))
        {
            var state = await connection.Containers.InspectAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
            if (ContainerLiveness.Problem(plan.Spec, state) is { } problem)
            {
                throw await ContainerLiveness.FailureAsync(connection, plan.Spec.Name, problem, state, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The changes the options let through: files only (genconfig), containers only (deploy-containers), or all.</summary>
    public IReadOnlyList<HostChange> Filter(IReadOnlyList<HostChange> changes) =>
        _options.FilesOnly ? changes.Where(c => c is WriteFileChange or DeleteFileChange).ToList()
        : _options.ContainersOnly ? changes.Where(c => c is not WriteFileChange and not DeleteFileChange).ToList()
        : changes;

    /// <summary>
    /// A service's file writes and deletions on one host go to it as one batch (one command over SSH), with the config
    /// directories they land in; a container about to be created or recreated also loses its restart markers there,
    /// since its new label records the configuration it starts with.
    /// </summary>
    private async Task ApplyFilesAsync(ConvergeSession run, IReadOnlyList<(ContainerPlan Container, IReadOnlyList<HostChange> Changes)> planned, CancellationToken cancellationToken)
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
            run.Report(new ChangeAppliedEvent(run.Host, change, elapsed));
        }
    }

    private async Task ApplyAsync(ConvergeSession run, ContainerPlan plan, HostChange change, CancellationToken cancellationToken)
    {
        var host = run.Connection!;
        var graceful = TimeSpan.FromSeconds(plan.Spec.GracefulTimeoutSeconds);
        switch (change)
        {
            case CreateVolumeChange volume:
                await host.Containers.EnsureVolumeAsync(volume.Name, cancellationToken).ConfigureAwait(false);
                break;
            case PullImageChange pull:
                await host.Containers.PullImageAsync(pull.Image, cancellationToken).ConfigureAwait(false);
                break;
            case RunBootstrapChange bootstrap:
                var timeout = _options.BootstrapTimeout ?? bootstrap.Job.Timeout;
                var outcome = await host.Containers.RunOneShotAsync(bootstrap.Job.Spec, new Dictionary<string, string>(), timeout, cancellationToken).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    throw new ContainerOperationException(run.Host, bootstrap.Job.Spec.Name, $"one-shot job exited with code {outcome.ExitCode}; last output:\n{outcome.Output}");
                }

                break;
            case CreateContainerChange:
                await CreateAndStartAsync(run, plan, plan.Spec, synced: run.Joining.Contains(plan.Spec.Name), cancellationToken).ConfigureAwait(false);
                break;
            case BootstrapClusterChange:
                // Started once as the new cluster's first node; RejoinClusterAsync recreates it as planned once the others joined.
                await CreateAndStartAsync(run, plan, GaleraNode.NewClusterSpec(plan.Spec), synced: true, cancellationToken).ConfigureAwait(false);
                break;
            case RecreateContainerChange:
                await host.Containers.StopAsync(plan.Spec.Name, graceful, cancellationToken).ConfigureAwait(false);
                await host.Containers.RemoveAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
                await CreateAndStartAsync(run, plan, plan.Spec, synced: false, cancellationToken).ConfigureAwait(false);
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
    /// Creates the container from <paramref name="spec"/> (the planned one, or the new-cluster one of a Galera bootstrap)
    /// labelled with the plan's config hash, starts it and waits for it as for any start (<see cref="StartedAsync"/>);
    /// with <paramref name="synced"/>, also until the Galera node is synced. Every create of the converge goes through
    /// here: a plain create, a recreate (after its stop and removal), a new cluster's first node and its rejoin.
    /// </summary>
    private async Task CreateAndStartAsync(ConvergeSession run, ContainerPlan plan, ContainerSpec spec, bool synced, CancellationToken cancellationToken)
    {
        var runtime = run.Connection!.Containers;
        run.Labelled.Add(plan.Spec.Name);
        await runtime.CreateAsync(spec, Labels(plan), cancellationToken).ConfigureAwait(false);
        await runtime.StartAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
        await StartedAsync(run, plan, cancellationToken).ConfigureAwait(false);
        if (synced)
        {
            await WaitSyncedAsync(run, plan, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Records the configuration a restarted (or adopted) container runs: a marker file named by the hash, replacing the
    /// previous one, in one batch. A container created in this run needs none: its label says it.
    /// </summary>
    private async Task RecordAsync(ConvergeSession run, ContainerPlan plan, CancellationToken cancellationToken)
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
    private async Task StartedAsync(ConvergeSession run, ContainerPlan plan, CancellationToken cancellationToken)
    {
        run.Started.Add((plan, _time.GetTimestamp()));
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
    private static async Task PostStartAsync(ConvergeSession run, ContainerPlan plan, CancellationToken cancellationToken)
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
                throw new ContainerOperationException(run.Host, plan.Spec.Name, $"post-start command exited with code {result.ExitCode}; last output:\n{result.Output}{tail}");
            }
        }
    }

    private static Dictionary<string, string> Labels(ContainerPlan plan) =>
        new(StringComparer.Ordinal) { [KollaLabels.ConfigHash] = plan.ConfigHash };

    /// <summary>A Galera node's wait until it is synced, within the health timeout, polling at the health poll interval.</summary>
    private Task WaitSyncedAsync(ConvergeSession run, ContainerPlan plan, CancellationToken cancellationToken) =>
        GaleraNode.WaitSyncedAsync(run.Connection!.Containers, run.Host, plan.Spec.Name, _options.HealthTimeout, _options.HealthPollInterval, _time, cancellationToken);

    private async Task WaitHealthyAsync(ConvergeSession run, ContainerPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Spec.Healthcheck is null)
        {
            return;
        }

        var deadline = _time.GetTimestamp() + (long)(_options.HealthTimeout.TotalSeconds * _time.TimestampFrequency);
        var connection = run.Connection!;
        while (true)
        {
            // A container that stopped or restarts will not become healthy: fail now, not at the timeout.
            var state = await connection.Containers.InspectAsync(plan.Spec.Name, cancellationToken).ConfigureAwait(false);
            if (ContainerLiveness.Problem(plan.Spec, state, unhealthyFails: false) is { } problem)
            {
                throw await ContainerLiveness.FailureAsync(connection, plan.Spec.Name, $"{problem}, while waiting for it to become healthy", state, cancellationToken).ConfigureAwait(false);
            }

            if (state!.Health is null or "healthy")
            {
                return;
            }

            if (_time.GetTimestamp() > deadline)
            {
                var problemLine = $"not healthy after {_options.HealthTimeout.TotalSeconds:0.###} s (health: {state.Health})";
                throw await ContainerLiveness.FailureAsync(connection, plan.Spec.Name, problemLine, state, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(_options.HealthPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
