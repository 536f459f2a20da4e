using System.Diagnostics;
using System.Globalization;

namespace Kolla.TestKit;

/// <summary>Kills the per-connection processes of an sshd started by <c>start-sshd.sh DIR</c>, leaving its listener running.</summary>
internal static class SshdSessions
{
    /// <summary>Kills every session (with its commands) of the sshd whose files are in <paramref name="directory"/>.</summary>
    /// <returns>How many sessions were killed.</returns>
    /// <exception cref="InvalidOperationException">That sshd's listener is not running.</exception>
    public static async Task<int> KillAsync(string directory, CancellationToken cancellationToken)
    {
        var sessions = ProcFs.ChildrenOf(ListenerProcessId(directory));
        foreach (var pid in sessions)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Ended by itself meanwhile.
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (sessions.Any(ProcFs.IsAlive))
        {
            await Task.Delay(20, timeout.Token);
        }

        return sessions.Count;
    }

    /// <summary>
    /// Cuts every connection of the sshd whose files are in <paramref name="directory"/> as a network failure would: kills
    /// its per-connection sshd processes only, so the commands they ran live on and see their input end.
    /// </summary>
    /// <returns>How many sshd processes were killed.</returns>
    /// <exception cref="InvalidOperationException">That sshd's listener is not running.</exception>
    public static async Task<int> CutAsync(string directory, CancellationToken cancellationToken)
    {
        var sshd = new List<int>();
        var pending = new Stack<int>(ProcFs.ChildrenOf(ListenerProcessId(directory)));
        while (pending.TryPop(out var pid))
        {
            if (ProcFs.CommandLine(pid)?.StartsWith("sshd", StringComparison.Ordinal) == true)
            {
                sshd.Add(pid);
                foreach (var child in ProcFs.ChildrenOf(pid))
                {
                    pending.Push(child);
                }
            }
        }

        foreach (var pid in sshd)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: false);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Ended by itself meanwhile.
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (sshd.Any(ProcFs.IsAlive))
        {
            await Task.Delay(20, timeout.Token);
        }

        return sshd.Count;
    }

    private static int ListenerProcessId(string directory)
    {
        var pidFile = Path.Combine(directory, "sshd.pid");
        var text = File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : string.Empty;
        // start-sshd.sh runs sshd with -f DIR/sshd_config: a recycled PID never names it.
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && ProcFs.IsAlive(pid)
            && ProcFs.CommandLine(pid)?.Contains(Path.Combine(directory, "sshd_config"), StringComparison.Ordinal) == true
                ? pid
                : throw new InvalidOperationException($"The sshd of {directory} is not running.");
    }
}
