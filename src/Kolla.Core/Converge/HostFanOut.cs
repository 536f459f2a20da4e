using Kolla.Changes;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Planning;

namespace Kolla.Converge;

/// <summary>
/// The one fan-out every host operation runs through: hosts in parallel up to <see cref="HostOperationOptions.Forks"/>,
/// one connection each, cancellation, per-host failures collected (reported as <see cref="HostFailedEvent"/>, never
/// thrown), <see cref="HostReadyEvent"/>s, and the recap, like Ansible's PLAY RECAP.
/// </summary>
/// <remarks>
/// An operation is its options record (a <see cref="HostOperationOptions"/>) plus its strategy: the work it hands to
/// <see cref="RunEachAsync"/> (pull, stop, destroy: each host connects, works and disconnects on its own), the stages it
/// hands to <see cref="RunAsync"/> (converge: every host connects first, then service by service in batches), and the
/// reader it hands to <see cref="GetChangesAsync"/> (what it would change, touching nothing).
/// </remarks>
internal sealed class HostFanOut(IHostConnector connector, HostOperationOptions options, TimeProvider time)
{
    /// <summary>Reads every host and returns what the operation would change there, touching nothing.</summary>
    /// <param name="plan">The deployment.</param>
    /// <param name="read">Reads one connected host; a <see cref="KollaException"/> becomes the host's <see cref="HostChangeSet.Error"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One change set per host, in plan order; a host that runs nothing is not contacted and has none.</returns>
    public async Task<IReadOnlyList<HostChangeSet>> GetChangesAsync(
        DeploymentPlan plan,
        Func<HostPlan, IHostConnection, CancellationToken, Task<HostChangeSet>> read,
        CancellationToken cancellationToken)
    {
        var result = new HostChangeSet[plan.Hosts.Count];
        await ForEachAsync(Enumerable.Range(0, plan.Hosts.Count), async (i, token) =>
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
                await using var connection = await connector.ConnectAsync(host.Target, token).ConfigureAwait(false);
                result[i] = await read(host, connection, token).ConfigureAwait(false);
            }
            catch (KollaException e)
            {
                result[i] = new HostChangeSet(host.Host, [], new Dictionary<string, byte[]>(), e.Message);
            }
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on every host: each connects, works and disconnects on its own. After a failure (unless
    /// <see cref="HostOperationOptions.ContinueOnError"/>) hosts not yet started are skipped.
    /// </summary>
    /// <param name="plan">The deployment.</param>
    /// <param name="progress">Receives the events.</param>
    /// <param name="work">The operation's work on one connected host.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap.</returns>
    public Task<DeployResult> RunEachAsync(
        DeploymentPlan plan,
        IProgress<DeployEvent>? progress,
        Func<HostSession, IHostConnection, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        var sessions = plan.Hosts.Select(h => new HostSession(h, progress, time)).ToList();
        var stage = new HostStage<HostSession>([sessions], async (session, token) =>
        {
            if (!await ConnectAsync(session, session.Plan.Target, read: null, token).ConfigureAwait(false))
            {
                return;
            }

            var connection = session.Connection!;
            await using (connection.ConfigureAwait(false))
            {
                session.Connection = null;
                await work(session, connection, token).ConfigureAwait(false);
            }
        }, SkipsAfterFailure: true);
        return RunAsync(sessions, [stage], cancellationToken);
    }

    /// <summary>
    /// Runs the stages one after another, each batch by batch, the hosts of a batch in parallel. After a batch in which a
    /// host failed (unless <see cref="HostOperationOptions.ContinueOnError"/>) no further batch starts. Connections still
    /// open at the end are closed.
    /// </summary>
    /// <typeparam name="TSession">The operation's per-host state.</typeparam>
    /// <param name="sessions">Every host of the plan, in plan order.</param>
    /// <param name="stages">The stages, read one at a time (a stage may depend on how the previous ones went).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap: every session's <see cref="HostSession.Recap"/> and <see cref="HostSession.Applied"/>.</returns>
    public async Task<DeployResult> RunAsync<TSession>(IReadOnlyList<TSession> sessions, IEnumerable<HostStage<TSession>> stages, CancellationToken cancellationToken)
        where TSession : HostSession
    {
        var started = time.GetTimestamp();
        try
        {
            foreach (var stage in stages)
            {
                if (Stopped(sessions))
                {
                    break;
                }

                foreach (var batch in stage.Batches)
                {
                    if (Stopped(sessions))
                    {
                        break;
                    }

                    await ForEachAsync(batch, (session, token) => RunHostAsync(sessions, stage, session, token), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            foreach (var session in sessions.Where(s => s.Connection is not null))
            {
                try
                {
                    await session.Connection!.DisposeAsync().ConfigureAwait(false);
                }
                catch (KollaException)
                {
                    // A connection that is already lost has nothing left to close.
                }
            }
        }

        return new DeployResult(
            sessions.Select(s => s.Recap()).ToList(),
            sessions.ToDictionary(s => s.Host, s => s.Applied(), StringComparer.Ordinal),
            time.GetElapsedTime(started));
    }

    /// <summary>
    /// Connects a session's host (one that runs nothing, kolla-ansible's deployment host, is not contacted), lets the
    /// operation read what it needs, and reports <see cref="HostReadyEvent"/> with the time both took.
    /// </summary>
    /// <param name="session">The host.</param>
    /// <param name="target">How to reach it.</param>
    /// <param name="read">Reads the host once connected; null for nothing.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>True when the host was connected; false when it runs nothing.</returns>
    public async Task<bool> ConnectAsync(HostSession session, HostTarget target, Func<IHostConnection, CancellationToken, Task>? read, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        if (session.Plan.RunsNothing)
        {
            session.Report(new HostReadyEvent(session.Host, time.GetElapsedTime(started)));
            return false;
        }

        session.Connection = await connector.ConnectAsync(target, cancellationToken).ConfigureAwait(false);
        if (read is not null)
        {
            await read(session.Connection, cancellationToken).ConfigureAwait(false);
        }

        session.Report(new HostReadyEvent(session.Host, time.GetElapsedTime(started)));
        return true;
    }

    private bool Stopped(IEnumerable<HostSession> sessions) => !options.ContinueOnError && sessions.Any(s => s.Error is not null);

    private async Task RunHostAsync<TSession>(IReadOnlyList<TSession> sessions, HostStage<TSession> stage, TSession session, CancellationToken cancellationToken)
        where TSession : HostSession
    {
        if (stage.SkipsAfterFailure && Stopped(sessions))
        {
            session.NotStarted = true;
            return;
        }

        try
        {
            await stage.Work(session, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            session.Fail(e);
        }
    }

    /// <summary>The only parallel loop: at most <see cref="HostOperationOptions.Forks"/> items at once.</summary>
    private Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken) =>
        ForEachAsync(items, options.Forks, body, cancellationToken);

    /// <summary>
    /// The one parallel loop over hosts (this fan-out's, the fact collection's and the prechecks'): at most
    /// <paramref name="forks"/> items at once, cancelled by <paramref name="cancellationToken"/>.
    /// </summary>
    /// <typeparam name="T">The item (a host, or its index).</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="forks">How many at once (Ansible's <c>--forks</c>).</param>
    /// <param name="body">The work on one item; it handles its own failures.</param>
    /// <param name="cancellationToken">Cancels the loop.</param>
    /// <returns>Completes when every started item has.</returns>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int forks, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(forks, 1);
        return Parallel.ForEachAsync(
            items,
            new ParallelOptions { MaxDegreeOfParallelism = forks, CancellationToken = cancellationToken },
            (item, token) => new ValueTask(body(item, token)));
    }
}
