using Kolla.Containers;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Operations;

/// <summary>
/// Restarts a MariaDB Galera cluster that stopped everywhere (<c>kolla mariadb_recovery</c>): stops MariaDB on every host,
/// reads each node's position, bootstraps the cluster from the most advanced node, starts the others one at a time,
/// each once the previous one synced, then restarts the bootstrap node as an ordinary member.
/// </summary>
/// <remarks>
/// Counterpart of kolla-ansible's <c>mariadb_recovery</c> (the mariadb role's <c>recover_cluster</c> tasks). Each node's
/// position comes from a one-shot <c>mariadb_wsrep_recovery</c> container of the MariaDB image with the node's volumes
/// (<c>BOOTSTRAP_ARGS=--wsrep-recover</c>), which also prints the node's <c>grastate.dat</c>; the choice is
/// <see cref="GaleraBootstrapChooser"/>'s. The bootstrap node gets <c>safe_to_bootstrap: 1</c> and starts once with
/// <c>BOOTSTRAP_ARGS=--wsrep-new-cluster</c>. Every wait reads the node's <c>wsrep_%</c> status through the server's
/// socket as root, inside its container. Config files are not touched.
/// </remarks>
internal sealed class MariaDbRecovery
{
    /// <summary>The catalogue's MariaDB container.</summary>
    public const string ContainerName = "mariadb";

    /// <summary>The one-shot container of the position read (kolla-ansible's name).</summary>
    public const string RecoveryContainerName = "mariadb_wsrep_recovery";

    private const string DataDirectory = "/var/lib/mysql";
    private const string LogFile = "/var/log/kolla/mariadb/mariadb.log";
    private const string RecoveredMarker = "== kolla: wsrep-recover ==";
    private const string StateMarker = "== kolla: grastate.dat ==";
    private const string EndMarker = "== kolla: end ==";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private readonly IHostConnector _connector;
    private readonly MariaDbRecoveryOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the operation.</summary>
    /// <param name="connector">How hosts are reached.</param>
    /// <param name="options">Bootstrap host and timeouts; null for the defaults.</param>
    /// <param name="timeProvider">Clock for the waits; null for the system clock.</param>
    public MariaDbRecovery(IHostConnector connector, MariaDbRecoveryOptions? options = null, TimeProvider? timeProvider = null)
    {
        _connector = connector ?? throw new ArgumentNullException(nameof(connector));
        _options = options ?? new MariaDbRecoveryOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The command of the position read: the image's start (which runs the server with <c>--wsrep-recover</c>), then this run's recovered position and the state file, between markers.</summary>
    internal static string RecoverCommand =>
        "bash -c '"
        + $"before=$(wc -l < {LogFile} 2>/dev/null || echo 0); kolla_start; echo \"{RecoveredMarker}\"; "
        + $"tail -n \"+$((before + 1))\" {LogFile} 2>/dev/null | grep \"Recovered position\" | tail -n 1; "
        + $"if [ -f {DataDirectory}/grastate.dat ]; then echo \"{StateMarker}\"; cat {DataDirectory}/grastate.dat; fi; echo \"{EndMarker}\"'";

    /// <summary>
    /// The bootstrap node's command: sets <c>safe_to_bootstrap: 1</c> in the state file (adding the line, or the file, when
    /// missing, as kolla-ansible's <c>lineinfile</c>), then the image's start.
    /// </summary>
    internal static string BootstrapCommand =>
        "bash -c '"
        + $"f={DataDirectory}/grastate.dat; if grep -q \"^safe_to_bootstrap:\" \"$f\" 2>/dev/null; "
        + "then sed -i \"s/^safe_to_bootstrap:.*$/safe_to_bootstrap: 1/\" \"$f\"; else echo \"safe_to_bootstrap: 1\" >> \"$f\"; fi; "
        + "chown mysql:mysql \"$f\"; chmod 0660 \"$f\"; exec kolla_start'";

    /// <summary>Reads a position-read container's output; the text between its markers.</summary>
    /// <param name="host">Inventory name.</param>
    /// <param name="output">The container's output.</param>
    /// <returns>The node's position.</returns>
    /// <exception cref="MariaDbRecoveryException">The output lacks the end marker (the read did not finish).</exception>
    internal static GaleraPosition ReadPosition(string host, string output)
    {
        var text = output.Replace("\r", "", StringComparison.Ordinal);
        var recovered = text.IndexOf(RecoveredMarker, StringComparison.Ordinal);
        var end = text.LastIndexOf(EndMarker, StringComparison.Ordinal);
        if (recovered < 0 || end < recovered)
        {
            throw new MariaDbRecoveryException($"{host}: the --wsrep-recover run did not finish; its last output:\n{output}");
        }

        var state = text.IndexOf(StateMarker, recovered, StringComparison.Ordinal);
        var recoveredEnd = state >= 0 ? state : end;
        var log = text[(recovered + RecoveredMarker.Length)..recoveredEnd];
        var grastate = state >= 0 ? text[(state + StateMarker.Length)..end] : null;
        return GaleraStateReader.Read(host, grastate, log);
    }

    /// <summary>Runs the recovery.</summary>
    /// <param name="plan">The deployment: its <c>mariadb</c> containers, in host order.</param>
    /// <param name="progress">Receives one line per step.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The bootstrap host, every position and the cluster size.</returns>
    /// <exception cref="MariaDbRecoveryException">No host runs MariaDB, no host has its data volume, the bootstrap node cannot be chosen, or a node does not sync.</exception>
    /// <exception cref="HostExecutionException">A host cannot be reached or its engine fails.</exception>
    public async Task<MariaDbRecoveryResult> RunAsync(DeploymentPlan plan, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var nodes = plan.Hosts
            .Select(h => (Plan: h, Container: h.Containers.FirstOrDefault(c => c.Spec.Name == ContainerName)))
            .Where(n => n.Container is not null)
            .Select(n => new Node(n.Plan, n.Container!))
            .ToList();
        if (nodes.Count == 0)
        {
            throw new MariaDbRecoveryException("no host of the plan runs MariaDB (the mariadb group is empty, enable_mariadb is off, or --limit/--tags left it out)");
        }

        if (_options.BootstrapHost is { } requested && nodes.All(n => n.Plan.Host != requested))
        {
            throw new MariaDbRecoveryException(
                $"--bootstrap-host {requested}: not a MariaDB host of the plan (MariaDB hosts: {string.Join(", ", nodes.Select(n => n.Plan.Host))})");
        }

        try
        {
            await Task.WhenAll(nodes.Select(async n => n.Connection = await _connector.ConnectAsync(n.Plan.Target, cancellationToken).ConfigureAwait(false)))
                .ConfigureAwait(false);
            return await RecoverAsync(nodes, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var node in nodes)
            {
                if (node.Connection is not null)
                {
                    await node.Connection.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private async Task<MariaDbRecoveryResult> RecoverAsync(List<Node> nodes, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var volume = DataVolume(nodes[0].Container.Spec);
        var volumes = await Task.WhenAll(nodes.Select(n => n.Runtime.ListVolumesAsync(cancellationToken))).ConfigureAwait(false);
        if (volume is not null && !volumes.Any(v => v.Contains(volume, StringComparer.Ordinal)))
        {
            throw new MariaDbRecoveryException(
                $"MariaDB cluster was not found: no MariaDB host ({string.Join(", ", nodes.Select(n => n.Plan.Host))}) has the volume {volume}; is the inventory right? (deploy creates the cluster)");
        }

        await Task.WhenAll(nodes.Select(async n =>
        {
            await StopAsync(n, cancellationToken).ConfigureAwait(false);
            progress?.Report($"{n.Plan.Host}: {ContainerName} stopped");
        })).ConfigureAwait(false);

        var positions = await Task.WhenAll(nodes.Select(async n =>
        {
            var spec = OneShot(n.Container.Spec, RecoverCommand) with { Environment = WithBootstrapArgs(n.Container.Spec, "--wsrep-recover") };
            var result = await n.Runtime.RunOneShotAsync(spec, new Dictionary<string, string>(), _options.RecoverTimeout, cancellationToken).ConfigureAwait(false);
            var position = ReadPosition(n.Plan.Host, result.Output);
            progress?.Report($"{n.Plan.Host}: position {position.ClusterUuid ?? "(no cluster)"}:{position.Seqno}{(position.SafeToBootstrap ? ", safe_to_bootstrap: 1" : "")}");
            return position;
        })).ConfigureAwait(false);

        var chosen = GaleraBootstrapChooser.Choose(positions, _options.BootstrapHost);
        var first = nodes.Single(n => n.Plan.Host == chosen.Host);
        progress?.Report($"{first.Plan.Host}: bootstrapping the cluster from this node (seqno {chosen.Seqno})");

        // Marks the node safe to bootstrap from, then starts as the image does, with --wsrep-new-cluster; never restarted.
        var bootstrap = first.Container.Spec with
        {
            Environment = WithBootstrapArgs(first.Container.Spec, "--wsrep-new-cluster"),
            RestartPolicy = "no",
            Command = BootstrapCommand,
        };
        await first.Runtime.RemoveAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        await first.Runtime.CreateAsync(bootstrap, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false);
        await first.Runtime.StartAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        await WaitSyncedAsync(first, progress, cancellationToken).ConfigureAwait(false);

        foreach (var node in nodes.Where(n => n != first))
        {
            await StartPlannedAsync(node, recreate: false, cancellationToken).ConfigureAwait(false);
            await WaitSyncedAsync(node, progress, cancellationToken).ConfigureAwait(false);
        }

        // The bootstrap node rejoins as an ordinary member, with the container the deploy plans.
        await StopAsync(first, cancellationToken).ConfigureAwait(false);
        await StartPlannedAsync(first, recreate: true, cancellationToken).ConfigureAwait(false);
        await WaitSyncedAsync(first, progress, cancellationToken).ConfigureAwait(false);

        var statuses = await Task.WhenAll(nodes.Select(n => ReadStatusAsync(n, cancellationToken))).ConfigureAwait(false);
        var size = statuses.Min(s => s?.ClusterSize ?? 0);
        if (size != nodes.Count)
        {
            throw new MariaDbRecoveryException(
                $"the cluster has {size} of {nodes.Count} members after the recovery: "
                + string.Join("; ", nodes.Select((n, i) => $"{n.Plan.Host}: {statuses[i]?.ToString() ?? "not answering"}")));
        }

        progress?.Report($"cluster size {size}, every node synced");
        return new MariaDbRecoveryResult(first.Plan.Host, positions, size);
    }

    // A server that still runs is shut down cleanly first (mariadbd-safe ignores the engine's SIGTERM, which would leave
    // the stop to wait for its timeout and kill it), so it writes its position to grastate.dat.
    private static async Task StopAsync(Node node, CancellationToken cancellationToken)
    {
        var state = await node.Runtime.InspectAsync(ContainerName, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return;
        }

        if (state.Status == "running")
        {
            try
            {
                await node.Runtime.ExecAsync(ContainerName, ["mariadb-admin", "--protocol=socket", "-uroot", "shutdown"], cancellationToken).ConfigureAwait(false);
            }
            catch (ContainerOperationException)
            {
                // Stopped meanwhile, or restarting: the engine's stop below does the rest.
            }
        }

        await node.Runtime.StopAsync(ContainerName, TimeSpan.FromSeconds(node.Container.Spec.GracefulTimeoutSeconds), cancellationToken).ConfigureAwait(false);
    }

    // The container as planned: kept when it exists (a stopped member), else created with the label a deploy gives it.
    private static async Task StartPlannedAsync(Node node, bool recreate, CancellationToken cancellationToken)
    {
        var runtime = node.Runtime;
        if (recreate || await runtime.InspectAsync(ContainerName, cancellationToken).ConfigureAwait(false) is null)
        {
            await runtime.RemoveAsync(ContainerName, cancellationToken).ConfigureAwait(false);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal) { [KollaLabels.ConfigHash] = node.Container.ConfigHash };
            await runtime.CreateAsync(node.Container.Spec, labels, cancellationToken).ConfigureAwait(false);
        }

        await runtime.StartAsync(ContainerName, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitSyncedAsync(Node node, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp() + (long)(_options.SyncTimeout.TotalSeconds * _time.TimestampFrequency);
        GaleraStatus? last = null;
        while (true)
        {
            var state = await node.Runtime.InspectAsync(ContainerName, cancellationToken).ConfigureAwait(false);
            if (state is null || state.Status is "exited" or "dead")
            {
                var tail = state is null ? "" : await node.Runtime.GetLogTailAsync(ContainerName, 20, cancellationToken).ConfigureAwait(false);
                throw new MariaDbRecoveryException(
                    $"{node.Plan.Host}: {ContainerName} stopped while joining the cluster (its log: {LogFile} in the kolla_logs volume){(tail.Length > 0 ? ";\nlast output:\n" + tail : "")}");
            }

            last = await ReadStatusAsync(node, cancellationToken).ConfigureAwait(false) ?? last;
            if (last is { IsReady: true })
            {
                progress?.Report($"{node.Plan.Host}: {ContainerName} synced (cluster size {last.ClusterSize})");
                return;
            }

            if (_time.GetTimestamp() > deadline)
            {
                throw new MariaDbRecoveryException(
                    $"{node.Plan.Host}: {ContainerName} did not sync within {_options.SyncTimeout.TotalSeconds:0} s ({last?.ToString() ?? "the server did not answer"})");
            }

            await Task.Delay(PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<GaleraStatus?> ReadStatusAsync(Node node, CancellationToken cancellationToken)
    {
        try
        {
            var result = await node.Runtime.ExecAsync(
                ContainerName, ["mariadb", "--protocol=socket", "-uroot", "-N", "-B", "-e", GaleraStatus.Query], cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? GaleraStatus.Parse(result.Output) : null;
        }
        catch (ContainerOperationException)
        {
            // Not running yet (or restarting): the next poll looks again.
            return null;
        }
    }

    // A one-shot of the MariaDB image with the node's volumes: no health check, the given command.
    private static ContainerSpec OneShot(ContainerSpec spec, string command) =>
        spec with { Name = RecoveryContainerName, Command = command, Healthcheck = null, Labels = [] };

    private static List<KeyValuePair<string, string?>> WithBootstrapArgs(ContainerSpec spec, string args) =>
        [.. spec.Environment.Where(e => e.Key != "BOOTSTRAP_ARGS"), new("BOOTSTRAP_ARGS", args)];

    // The named volume mounted at the data directory, or null when it is a host path.
    private static string? DataVolume(ContainerSpec spec) =>
        spec.Volumes.Select(v => v.Split(':')).Where(p => p.Length >= 2 && p[1] == DataDirectory && !p[0].Contains('/', StringComparison.Ordinal))
            .Select(p => p[0]).FirstOrDefault();

    private sealed class Node(HostPlan plan, ContainerPlan container)
    {
        public HostPlan Plan { get; } = plan;

        public ContainerPlan Container { get; } = container;

        public IHostConnection? Connection { get; set; }

        public IContainerRuntime Runtime => Connection!.Containers;
    }
}
