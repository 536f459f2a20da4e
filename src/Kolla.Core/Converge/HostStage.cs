namespace Kolla.Converge;

/// <summary>
/// One stage of an operation run by <see cref="HostFanOut"/>: batches of hosts run one after another, the hosts of a
/// batch in parallel, each doing <paramref name="Work"/>.
/// </summary>
/// <typeparam name="TSession">The operation's per-host state.</typeparam>
/// <param name="Batches">The hosts taking part, batch by batch.</param>
/// <param name="Work">What each host does; an exception fails that host only.</param>
/// <param name="SkipsAfterFailure">
/// Whether a host of a batch checks, when it is about to start, that no host has failed (pull, stop, destroy: hosts not yet
/// started are then skipped). Every stage checks between batches.
/// </param>
internal sealed record HostStage<TSession>(IEnumerable<IReadOnlyList<TSession>> Batches, Func<TSession, CancellationToken, Task> Work, bool SkipsAfterFailure = false)
    where TSession : HostSession;
