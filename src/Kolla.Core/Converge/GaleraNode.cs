using Kolla.Containers;
using Kolla.Hosts;

namespace Kolla.Converge;

/// <summary>
/// The steps on one Galera node that forming a new cluster (the converge) and restarting a stopped one
/// (<c>kolla mariadb_recovery</c>) share: the container started once with <c>BOOTSTRAP_ARGS</c>, a clean stop, and the
/// wait until the node is <c>Synced</c> in a primary cluster.
/// </summary>
/// <remarks>
/// kolla-ansible's mariadb role: its <c>Bootstrap MariaDB cluster</c> handlers and <c>recover_cluster</c> tasks start the
/// first node with <c>BOOTSTRAP_ARGS=--wsrep-new-cluster</c> and restart policy <c>oneshot</c> (a daemon restart must not
/// start it again as a new cluster), and poll <c>wsrep_local_state_comment</c> until it reads <c>Synced</c>. The status is
/// read here through the server's socket as root, inside the container, so no password is needed.
/// </remarks>
internal static class GaleraNode
{
    /// <summary>The server argument that forms a new cluster from this node.</summary>
    public const string NewClusterArgument = "--wsrep-new-cluster";

    /// <summary>Where the server keeps its data (and <c>grastate.dat</c>) inside the container.</summary>
    public const string DataDirectory = "/var/lib/mysql";

    /// <summary>The named volume mounted at <see cref="DataDirectory"/>, or null when it is a host path (or not mounted).</summary>
    /// <param name="spec">The node's spec.</param>
    /// <returns>The volume's name, or null.</returns>
    public static string? DataVolume(ContainerSpec spec) =>
        spec.Volumes.Select(v => v.Split(':')).Where(p => p.Length >= 2 && p[1] == DataDirectory && !p[0].Contains('/', StringComparison.Ordinal))
            .Select(p => p[0]).FirstOrDefault();

    /// <summary>
    /// The container's spec for its one start as a new cluster's first node: <c>BOOTSTRAP_ARGS</c> set, never restarted
    /// by the engine. Its spec hash differs from the planned one, so a deploy that stops before the node's normal restart
    /// recreates it next time.
    /// </summary>
    /// <param name="spec">The planned spec.</param>
    /// <returns>The bootstrap spec.</returns>
    public static ContainerSpec NewClusterSpec(ContainerSpec spec) =>
        spec with { Environment = WithBootstrapArgs(spec, NewClusterArgument), RestartPolicy = "no" };

    /// <summary>The spec's environment with <c>BOOTSTRAP_ARGS</c> set to <paramref name="args"/> (the image's start passes it to the server).</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="args">The server arguments.</param>
    /// <returns>The environment.</returns>
    public static List<KeyValuePair<string, string?>> WithBootstrapArgs(ContainerSpec spec, string args) =>
        [.. spec.Environment.Where(e => e.Key != "BOOTSTRAP_ARGS"), new("BOOTSTRAP_ARGS", args)];

    /// <summary>
    /// Stops the node's container; a server that still runs is shut down cleanly first (<c>mariadbd-safe</c> ignores the
    /// engine's SIGTERM, which would leave the stop to wait for its timeout and kill it), so it writes its position to
    /// <c>grastate.dat</c>. Nothing happens when the container does not exist.
    /// </summary>
    /// <param name="runtime">The host's engine.</param>
    /// <param name="container">The container's name.</param>
    /// <param name="graceful">How long the engine's stop waits.</param>
    /// <param name="cancellationToken">Cancels the stop.</param>
    /// <returns>Completes when the container is stopped.</returns>
    public static async Task StopAsync(IContainerRuntime runtime, string container, TimeSpan graceful, CancellationToken cancellationToken)
    {
        var state = await runtime.InspectAsync(container, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return;
        }

        if (state.Status == "running")
        {
            try
            {
                await runtime.ExecAsync(container, ["mariadb-admin", "--protocol=socket", "-uroot", "shutdown"], cancellationToken).ConfigureAwait(false);
            }
            catch (ContainerOperationException)
            {
                // Stopped meanwhile, or restarting: the engine's stop below does the rest.
            }
        }

        await runtime.StopAsync(container, graceful, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the node's <c>wsrep_%</c> status; null when the server does not answer (not running, or still starting).</summary>
    /// <param name="runtime">The host's engine.</param>
    /// <param name="container">The container's name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The status, or null.</returns>
    public static async Task<GaleraStatus?> ReadStatusAsync(IContainerRuntime runtime, string container, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runtime.ExecAsync(container, ["mariadb", "--protocol=socket", "-uroot", "-N", "-B", "-e", GaleraStatus.Query], cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? GaleraStatus.Parse(result.Output) : null;
        }
        catch (ContainerOperationException)
        {
            // Not running yet (or restarting): the next poll looks again.
            return null;
        }
    }

    /// <summary>
    /// Polls the node until it is <c>Synced</c> in a primary cluster (<see cref="GaleraStatus.IsReady"/>). Fails at once
    /// when the container stopped, with its last output, and once <paramref name="timeout"/> has passed with the last
    /// status read; the status is read at least once.
    /// </summary>
    /// <param name="runtime">The host's engine.</param>
    /// <param name="host">Inventory name, for the error.</param>
    /// <param name="container">The container's name.</param>
    /// <param name="timeout">How long the node may take.</param>
    /// <param name="pollInterval">How long to wait between reads.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The node's status once synced.</returns>
    /// <exception cref="ContainerOperationException">The container stopped, or the node did not sync in time.</exception>
    public static async Task<GaleraStatus> WaitSyncedAsync(
        IContainerRuntime runtime, string host, string container, TimeSpan timeout, TimeSpan pollInterval, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        GaleraStatus? last = null;
        while (true)
        {
            var state = await runtime.InspectAsync(container, cancellationToken).ConfigureAwait(false);
            if (state is null || state.Status is "exited" or "dead")
            {
                var tail = state is null ? "" : await runtime.GetLogTailAsync(container, 20, cancellationToken).ConfigureAwait(false);
                throw new ContainerOperationException(
                    host, container, $"stopped before it synced with the Galera cluster (its log: /var/log/kolla/mariadb/mariadb.log in the kolla_logs volume){(tail.Length > 0 ? ";\nlast output:\n" + tail : "")}");
            }

            last = await ReadStatusAsync(runtime, container, cancellationToken).ConfigureAwait(false) ?? last;
            if (last is { IsReady: true })
            {
                return last;
            }

            if (time.GetTimestamp() >= deadline)
            {
                throw new ContainerOperationException(
                    host, container, $"did not sync with the Galera cluster within {timeout.TotalSeconds:0.###} s ({last?.ToString() ?? "the server did not answer"})");
            }

            await Task.Delay(pollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
