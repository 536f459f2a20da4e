using Kolla.Containers;
using Kolla.Hosts;

namespace Kolla.Converge;

/// <summary>
/// Whether a container a converge (re)started still runs as it should, and the failure naming it when not: one line that
/// says what happened (stopped with its exit code, restarting, unhealthy), then its last health check output and its last
/// log lines.
/// </summary>
internal static class ContainerLiveness
{
    /// <summary>Log lines quoted in a failure.</summary>
    public const int LogTailLines = 20;

    /// <summary>What is wrong with a container this run started, or null when it runs (or finished as its restart policy allows).</summary>
    /// <param name="spec">The container's spec.</param>
    /// <param name="state">What the engine reports now; null when the container is gone.</param>
    /// <param name="unhealthyFails">Whether an unhealthy container is a problem (not while waiting for health: it may still pass).</param>
    public static string? Problem(ContainerSpec spec, ContainerState? state, bool unhealthyFails = true)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (state is null)
        {
            return "is gone: it was removed after this run started it";
        }

        if (state.Status == "restarting" || state.RestartCount > 0)
        {
            var times = state.RestartCount == 1 ? "once" : $"{state.RestartCount} times";
            return $"keeps restarting: it exited with code {state.ExitCode} and the engine restarted it {times} since this run started it";
        }

        if (state.Status != "running")
        {
            // A container meant to run once (restart policy no or oneshot) may finish; with success, that is no failure.
            return state.Status == "exited" && state.ExitCode == 0 && spec.RestartPolicy is "no" or "oneshot"
                ? null
                : $"{(state.Status == "exited" ? "exited" : $"is {state.Status}")} with code {state.ExitCode} after this run started it";
        }

        return unhealthyFails && state.Health == "unhealthy" ? "is unhealthy: its health check fails" : null;
    }

    /// <summary>The failure: <paramref name="problem"/> on the first line, then the last health check output and log lines.</summary>
    public static async Task<ContainerOperationException> FailureAsync(
        IHostConnection connection, string container, string problem, ContainerState? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var details = new System.Text.StringBuilder(problem);
        if (state?.HealthLog is { Length: > 0 } health)
        {
            details.Append("\nlast health check output:\n").Append(health.TrimEnd());
        }

        if (state is not null)
        {
            var tail = await connection.Containers.GetLogTailAsync(container, LogTailLines, cancellationToken).ConfigureAwait(false);
            details.Append($"\nlast {LogTailLines} log lines:\n").Append(tail.Length == 0 ? "(none)" : tail.TrimEnd());
        }

        return new ContainerOperationException(connection.Host, container, details.ToString());
    }
}
