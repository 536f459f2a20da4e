using System.Text;
using Kolla.Facts;
using Kolla.TestKit;

namespace Kolla.Core.Tests.Facts;

/// <summary>Runs <see cref="RemoteFactsScript.Script"/> on this machine (optionally in a network namespace) and parses its output.</summary>
internal static class FactsScriptRunner
{
    public static async Task<HostFacts> RunAsync(string host, string shell, string? netns, CancellationToken cancellationToken)
    {
        var result = netns is null
            ? await ExternalCommand.RunAsync(shell, ["-c", RemoteFactsScript.Script], cancellationToken: cancellationToken)
            : await ExternalCommand.RunAsync("ip", ["netns", "exec", netns, shell, "-c", RemoteFactsScript.Script], cancellationToken: cancellationToken);
        result.EnsureSuccess();
        return RemoteFactsScript.Parse(host, Encoding.UTF8.GetBytes(result.StandardOutput));
    }
}
