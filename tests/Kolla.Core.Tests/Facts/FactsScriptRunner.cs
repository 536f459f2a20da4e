using System.Text;
using Kolla.Facts;
using Kolla.TestKit;

namespace Kolla.Core.Tests.Facts;

/// <summary>Runs <see cref="RemoteFactsScript.Script"/> on this machine (optionally in a network namespace) and parses its output.</summary>
internal static class FactsScriptRunner
{
    /// <param name="host">The inventory name for the facts.</param>
    /// <param name="shell">The shell command, e.g. <c>/bin/sh</c> or <c>busybox sh</c>.</param>
    /// <param name="netns">The network namespace to run in, or null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<HostFacts> RunAsync(string host, string shell, string? netns, CancellationToken cancellationToken)
    {
        string[] command = [.. shell.Split(' '), "-c", RemoteFactsScript.Script];
        var result = netns is null
            ? await ExternalCommand.RunAsync(command[0], command[1..], cancellationToken: cancellationToken)
            : await ExternalCommand.RunAsync("ip", ["netns", "exec", netns, .. command], cancellationToken: cancellationToken);
        result.EnsureSuccess();
        return RemoteFactsScript.Parse(host, Encoding.UTF8.GetBytes(result.StandardOutput));
    }
}
