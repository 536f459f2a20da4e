using Kolla.Containers;
using Kolla.Converge;
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
/// <c>BOOTSTRAP_ARGS=--wsrep-new-cluster</c>. The node steps (that start, the clean stop, the wait for <c>Synced</c>) are
/// <see cref="GaleraNode"/>'s, which a deploy forming a new cluster uses too. Config files are not touched.
/// </remarks>
internal sealed class MariaDbRecovery
{
    /// <summary>The catalogue's MariaDB container.</summary>
    public const string ContainerName = "mariadb";

    /// <summary>The one-shot container of the position read (kolla-ansible's name).</summary>
    public const string RecoveryContainerName = "mariadb_wsrep_recovery";

    private const string DataDirectory = GaleraNode.DataDirectory;
    private const string LogFile = "/var/log/kolla/mariadb/mariadb.log";
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private const string RecoveredMarker = "== kolla: wsrep-recover ==";
    private const string StateMarker = "== kolla: grastate.dat ==";
    private const string EndMarker = "== kolla: end ==";

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
    /// <exception cref="MariaDbRecoveryException">No host runs MariaDB, its hosts form more than one cluster (shards), no host has its data volume, the bootstrap node cannot be chosen, or the cluster is short of members at the end.</exception>
    /// <exception cref="HostExecutionException">A host cannot be reached or its engine fails, or a node stops or does not sync (a <see cref="ContainerOperationException"/> naming the host and container).</exception>
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

        var clusters = nodes.GroupBy(n => n.Container.GaleraClusterName, StringComparer.Ordinal).ToList();
        if (clusters.Count > 1)
        {
            // Each shard is a cluster of its own: recovering them as one would join them.
            throw new MariaDbRecoveryException(
                $"the MariaDB hosts form {clusters.Count} clusters ({string.Join("; ", clusters.Select(c => $"{c.Key}: {string.Join(", ", c.Select(n => n.Plan.Host))}"))}); "
                + "recover one at a time with --limit naming its hosts");
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
        var volume = GaleraNode.DataVolume(nodes[0].Container.Spec);
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
            var spec = OneShot(n.Container.Spec, RecoverCommand) with { Environment = GaleraNode.WithBootstrapArgs(n.Container.Spec, "--wsrep-recover") };
            var result = await n.Runtime.RunOneShotAsync(spec, new Dictionary<string, string>(), _options.RecoverTimeout, cancellationToken).ConfigureAwait(false);
            var position = ReadPosition(n.Plan.Host, result.Output);
            progress?.Report($"{n.Plan.Host}: position {position.ClusterUuid ?? "(no cluster)"}:{position.Seqno}{(position.SafeToBootstrap ? ", safe_to_bootstrap: 1" : "")}");
            return position;
        })).ConfigureAwait(false);

        var chosen = GaleraBootstrapChooser.Choose(positions, _options.BootstrapHost);
        var first = nodes.Single(n => n.Plan.Host == chosen.Host);
        progress?.Report($"{first.Plan.Host}: bootstrapping the cluster from this node (seqno {chosen.Seqno})");

        // Marks the node safe to bootstrap from, then starts as the image does, with --wsrep-new-cluster; never restarted.
        var bootstrap = GaleraNode.NewClusterSpec(first.Container.Spec) with { Command = BootstrapCommand };
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

        var statuses = await Task.WhenAll(nodes.Select(n => GaleraNode.ReadStatusAsync(n.Runtime, ContainerName, cancellationToken))).ConfigureAwait(false);
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

    private static Task StopAsync(Node node, CancellationToken cancellationToken) =>
        GaleraNode.StopAsync(node.Runtime, ContainerName, TimeSpan.FromSeconds(node.Container.Spec.GracefulTimeoutSeconds), cancellationToken);

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
        var status = await GaleraNode.WaitSyncedAsync(node.Runtime, node.Plan.Host, ContainerName, _options.SyncTimeout, PollInterval, _time, cancellationToken).ConfigureAwait(false);
        progress?.Report($"{node.Plan.Host}: {ContainerName} synced (cluster size {status.ClusterSize})");
    }

    // A one-shot of the MariaDB image with the node's volumes: no health check, the given command.
    private static ContainerSpec OneShot(ContainerSpec spec, string command) =>
        spec with { Name = RecoveryContainerName, Command = command, Healthcheck = null, Labels = [] };

    private sealed class Node(HostPlan plan, ContainerPlan container)
    {
        public HostPlan Plan { get; } = plan;

        public ContainerPlan Container { get; } = container;

        public IHostConnection? Connection { get; set; }

        public IContainerRuntime Runtime => Connection!.Containers;
    }
}
