namespace Kolla.Prechecks;

/// <summary>One concern checked on a host that runs containers, over a connection the runner opened.</summary>
/// <remarks>A <see cref="KollaException"/> thrown here ends the host's checks and is reported as a failed <c>docker</c> check.</remarks>
internal interface IHostPrecheck
{
    /// <summary>Runs the check.</summary>
    /// <param name="context">The host's plan, connection and variables.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The findings, in report order.</returns>
    Task<IReadOnlyList<PrecheckResult>> CheckAsync(HostPrecheckContext context, CancellationToken cancellationToken);
}
