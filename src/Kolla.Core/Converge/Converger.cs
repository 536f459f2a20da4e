using Kolla.Changes;
using Kolla.Hosts;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Converge;

/// <summary>
/// Applies a <see cref="DeploymentPlan"/>: hosts in parallel (<see cref="HostOperationOptions.Forks"/>), services in
/// dependency order across hosts (every host finishes a service before any host starts the next), each container's
/// changes in order, per-service restart policy (serial services one host at a time, waiting for health); last, each host
/// that started containers checks they still run after <see cref="ConvergeOptions.SettleTime"/>.
/// </summary>
/// <remarks>
/// Counterpart of kolla-ansible's <c>site.yml</c> plays with their config, check-containers and handler tasks.
/// A second run with no input change reads each host's state once and changes nothing.
/// </remarks>
internal sealed class Converger
{
    private readonly HostOperation<ConvergeOptions> _operation;
    private readonly ConvergeStrategy _strategy;

    /// <summary>Creates a converger over a way to reach hosts.</summary>
    public Converger(IHostConnector connector, ConvergeOptions? options = null, TimeProvider? timeProvider = null)
    {
        _operation = new(connector, options ?? new ConvergeOptions(), timeProvider);
        if (_operation.Options.Forks < 1 || _operation.Options.Serial is < 1 || _operation.Options.RollingBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "forks, serial and the rolling batch size must be at least 1");
        }

        if (_operation.Options.SettleTime < TimeSpan.Zero || _operation.Options.BootstrapTimeout <= TimeSpan.Zero || _operation.Options.HealthTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the settle time and the health timeout cannot be negative, and the bootstrap timeout must be positive");
        }

        _strategy = new ConvergeStrategy(_operation.Options, _operation.Time);
    }

    /// <summary>Reads every host's state and returns the changes a converge would make, touching nothing.</summary>
    /// <remarks>A host that cannot be reached gets a change set with <see cref="HostChangeSet.Error"/> set.</remarks>
    /// <exception cref="PlanningException">A limited run would form a new Galera cluster from part of its members (<see cref="NewGaleraCluster.RefuseUnderLimit"/>).</exception>
    public async Task<IReadOnlyList<HostChangeSet>> GetChangesAsync(DeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sets = await new HostFanOut(_operation.Connector, _operation.Options, _operation.Time).GetChangesAsync(plan, _strategy.GetChangesAsync, cancellationToken).ConfigureAwait(false);
        return WithReloads(plan, WithNewClusters(plan, sets));
    }

    /// <summary>
    /// Shows each new Galera cluster the converge would form (see <see cref="NewGaleraCluster"/>): on its first host, the
    /// container's creation becomes the bootstrap, and its restart as a member follows the container's other changes.
    /// </summary>
    private static IReadOnlyList<HostChangeSet> WithNewClusters(DeploymentPlan plan, IReadOnlyList<HostChangeSet> sets)
    {
        var clusters = NewGaleraCluster.Find(plan.Hosts
            .Select((h, i) => (Host: h, Set: sets[i]))
            .Where(h => h.Set.Error is null)
            .SelectMany(h => h.Host.Containers.Where(c => c.GaleraCluster).Select(c => (h.Host.Host, c, NewGaleraCluster.HasCluster(h.Set.Changes, c)))));
        NewGaleraCluster.RefuseUnderLimit(clusters, plan.GaleraMembersOutsideLimit);
        if (clusters.Count == 0)
        {
            return sets;
        }

        return sets.Select((set, i) =>
        {
            var mine = clusters.Where(c => c.BootstrapHost == set.Host).ToList();
            if (mine.Count == 0)
            {
                return set;
            }

            var changes = NewGaleraCluster.Bootstrapping(set.Changes, mine).ToList();
            foreach (var cluster in mine)
            {
                var at = changes.FindIndex(c => c is BootstrapClusterChange && c.Container == cluster.Container);
                if (at < 0)
                {
                    continue;
                }

                while (at + 1 < changes.Count && changes[at + 1].Container == cluster.Container)
                {
                    at++;
                }

                var container = plan.Hosts[i].Containers.First(c => c.Spec.Name == cluster.Container);
                changes.Insert(at + 1, new RejoinClusterChange(container, cluster.Joiners));
            }

            return set with { Changes = changes };
        }).ToList();
    }

    /// <summary>Adds to each host's changes the reloads that the one-shot jobs planned anywhere would trigger (see <see cref="ConvergeStrategy.ReloadAsync"/>).</summary>
    private static IReadOnlyList<HostChangeSet> WithReloads(DeploymentPlan plan, IReadOnlyList<HostChangeSet> sets)
    {
        var containers = plan.Hosts.SelectMany(h => h.Containers).ToList();
        var triggers = plan.ServiceOrder.ToDictionary(s => s, s => ConvergeStrategy.ReloadTriggers(sets.SelectMany(c => c.Changes), containers, s), StringComparer.Ordinal);
        if (triggers.Values.All(t => t.Count == 0))
        {
            return sets;
        }

        return sets.Select((set, i) =>
        {
            var reloads = plan.Hosts[i].Containers
                .Where(c => set.Error is null && triggers.TryGetValue(c.Service, out var ran) && c.ReloadAfter.Any(ran.Contains))
                .Select(c => (HostChange)new ReloadContainerChange(c, c.ReloadAfter.First(triggers[c.Service].Contains)))
                .ToList();
            return reloads.Count == 0 ? set : set with { Changes = [.. set.Changes, .. reloads] };
        }).ToList();
    }

    /// <summary>Converges every host of the plan.</summary>
    /// <exception cref="PlanningException">
    /// A limited run would form a new Galera cluster from part of its members (<see cref="NewGaleraCluster.RefuseUnderLimit"/>):
    /// thrown once every host's state is read, before anything is changed.
    /// </exception>
    public Task<DeployResult> ApplyAsync(DeploymentPlan plan, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var fanOut = new HostFanOut(_operation.Connector, _operation.Options, _operation.Time);
        var sessions = plan.Hosts.Select(h => new ConvergeSession(h, progress, _operation.Time)).ToList();
        return fanOut.RunAsync(sessions, Stages(plan, sessions, fanOut), cancellationToken);
    }

    /// <summary>
    /// Every host connects and reads its state (one batch); then each service in order, its hosts in batches: one at a time
    /// for a serial service, else <see cref="ConvergeOptions.Serial"/> (or all), rolling hosts last.
    /// </summary>
    private IEnumerable<HostStage<ConvergeSession>> Stages(DeploymentPlan plan, IReadOnlyList<ConvergeSession> sessions, HostFanOut fanOut)
    {
        yield return new HostStage<ConvergeSession>(
            [sessions],
            (session, token) => fanOut.ConnectAsync(
                session,
                session.Plan.Target with { ReadAheadDirectory = session.Plan.NodeConfigDirectory },
                (connection, t) => ConvergeStrategy.ReadStateAsync(session, connection, t),
                token));

        // Before anything is touched: no new Galera cluster from part of its members (a run that stops here reports its hosts instead).
        if (_operation.Options.ContinueOnError || sessions.All(s => s.Error is null))
        {
            var read = sessions.Where(s => s.Error is null).ToList();
            NewGaleraCluster.RefuseUnderLimit([.. plan.ServiceOrder.SelectMany(s => NewClusters(read, s))], plan.GaleraMembersOutsideLimit);
        }

        foreach (var service in plan.ServiceOrder)
        {
            var participants = sessions.Where(r => r.Error is null && r.Plan.Containers.Any(c => c.Service == service)).ToList();
            var serial = participants.SelectMany(r => r.Plan.Containers).Any(c => c.Service == service && c.Restart == RestartStrategy.Serial);
            var batch = serial ? 1 : _operation.Options.Serial ?? participants.Count;
            var clusters = NewClusters(participants, service);
            if (clusters.Count == 0)
            {
                yield return new HostStage<ConvergeSession>(Batches(participants, batch), (session, token) => _strategy.ConvergeServiceAsync(session, service, token));
            }
            else
            {
                foreach (var stage in FormClusters(participants, service, clusters))
                {
                    yield return stage;
                }
            }

            // Read after the service's stage has run everywhere: which of its one-shot jobs ran, on any host.
            var ran = ConvergeStrategy.ReloadTriggers(sessions.SelectMany(s => s.Changes), plan.Hosts.SelectMany(h => h.Containers), service);
            if (ran.Count > 0)
            {
                var reloading = sessions.Where(s => s.Error is null && s.Plan.Containers.Any(c => c.Service == service && c.ReloadAfter.Any(ran.Contains))).ToList();
                yield return new HostStage<ConvergeSession>([reloading], (session, token) => _strategy.ReloadAsync(session, service, ran, token));
            }
        }

        // Every host that started a container watches them for the settle time (in parallel), then checks they still run.
        yield return new HostStage<ConvergeSession>([sessions.Where(s => s.Error is null && s.Started.Count > 0).ToList()], _strategy.SettleAsync);
    }

    /// <summary>The new Galera clusters of a service's containers among the hosts taking part (none for <c>genconfig</c>), from the state each host read.</summary>
    private IReadOnlyList<NewGaleraCluster> NewClusters(List<ConvergeSession> participants, string service) =>
        _operation.Options.FilesOnly
            ? []
            : NewGaleraCluster.Find(participants.SelectMany(s => s.Plan.Containers
                .Where(c => c.Service == service && c.GaleraCluster)
                .Select(c => (s.Host, c, NewGaleraCluster.HasCluster(s.Calculator!.State, c)))));

    /// <summary>
    /// A service that forms new Galera clusters, as kolla-ansible's <c>bootstrap_cluster</c> tasks and handlers do: the
    /// first host of each converges the service with its node started as the new cluster (and synced); then every other
    /// host, one at a time, each new member waited for until synced; last, the first hosts restart their node as a member.
    /// A joiner whose cluster's first host failed does not start (with <see cref="HostOperationOptions.ContinueOnError"/>;
    /// otherwise the run has stopped already): alone, it would wait for a cluster that is not there.
    /// </summary>
    private IEnumerable<HostStage<ConvergeSession>> FormClusters(List<ConvergeSession> participants, string service, IReadOnlyList<NewGaleraCluster> clusters)
    {
        var first = participants.Where(s => clusters.Any(c => c.BootstrapHost == s.Host)).ToList();
        foreach (var session in first)
        {
            session.Bootstraps.AddRange(clusters.Where(c => c.BootstrapHost == session.Host));
        }

        foreach (var cluster in clusters)
        {
            foreach (var session in participants.Where(s => cluster.Joiners.Contains(s.Host)))
            {
                session.Joining.Add(cluster.Container);
            }
        }

        yield return new HostStage<ConvergeSession>([first], (session, token) => _strategy.ConvergeServiceAsync(session, service, token));
        yield return new HostStage<ConvergeSession>(Batches([.. participants.Except(first)], 1), (session, token) =>
        {
            var failed = clusters.FirstOrDefault(c => c.Joiners.Contains(session.Host) && first.Any(f => f.Host == c.BootstrapHost && f.Error is not null));
            return failed is null
                ? _strategy.ConvergeServiceAsync(session, service, token)
                : throw new ContainerOperationException(session.Host, failed.Container, $"not started: the new Galera cluster it joins could not be bootstrapped on {failed.BootstrapHost}");
        });
        yield return new HostStage<ConvergeSession>([first.Where(s => s.Error is null).ToList()], _strategy.RejoinClusterAsync);
    }

    /// <summary>Batches of hosts for one service: other hosts first, then <see cref="ConvergeOptions.RollingHosts"/> in smaller batches.</summary>
    private IEnumerable<ConvergeSession[]> Batches(List<ConvergeSession> participants, int batch)
    {
        if (_operation.Options.RollingHosts is not { Count: > 0 } rolling)
        {
            return participants.Chunk(Math.Max(1, batch));
        }

        var others = participants.Where(r => !rolling.Contains(r.Host)).Chunk(Math.Max(1, batch));
        var rollingBatch = Math.Max(1, Math.Min(batch, _operation.Options.RollingBatchSize));
        return others.Concat(participants.Where(r => rolling.Contains(r.Host)).Chunk(rollingBatch));
    }
}
