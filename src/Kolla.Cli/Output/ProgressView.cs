using Kolla.Converge;
using Kolla.Passwords;

namespace Kolla.Cli.Output;

/// <summary>
/// The one place run progress is rendered: a live per-host table when a person watches a terminal, plain lines when
/// output is redirected, one JSON object per line with <c>--json</c>. Every event of a run goes through it.
/// </summary>
internal static class ProgressView
{
    /// <summary>Runs <paramref name="work"/> with the right renderer receiving its events.</summary>
    public static async Task<T> RunAsync<T>(Terminal terminal, SecretMasker masker, bool json, IReadOnlyList<string> hosts, Func<IProgress<DeployEvent>, Task<T>> work)
    {
        if (json || !terminal.IsInteractive)
        {
            return await work(new ProgressPrinter(terminal, masker, json)).ConfigureAwait(false);
        }

        return await new LiveProgress(terminal, masker, hosts).RunAsync(work).ConfigureAwait(false);
    }
}
