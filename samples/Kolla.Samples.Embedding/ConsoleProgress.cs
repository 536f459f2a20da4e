using Kolla.Converge;

namespace Kolla.Samples.Embedding;

/// <summary>Prints converge events as they happen (events arrive from several hosts at once).</summary>
internal sealed class ConsoleProgress : IProgress<DeployEvent>
{
    private readonly Lock _gate = new();

    public void Report(DeployEvent value)
    {
        var line = value switch
        {
            HostReadyEvent ready => $"{ready.Host}: connected ({ready.Elapsed.TotalMilliseconds:0} ms)",
            ChangeAppliedEvent change => $"{change.Host}: {change.Change.Describe()}",
            ContainerOkEvent ok => $"{ok.Host}: {ok.Container} is up to date",
            HostFailedEvent failed => $"{failed.Host}: FAILED: {failed.Message}",
            _ => null,
        };
        if (line is not null)
        {
            lock (_gate)
            {
                Console.WriteLine(line);
            }
        }
    }
}
