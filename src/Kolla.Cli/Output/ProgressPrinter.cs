using Kolla.Converge;
using Kolla.Passwords;
using Kolla.Serialization;

namespace Kolla.Cli.Output;

/// <summary>Shows converge progress: one line per change (coloured on a terminal), or one JSON object per line with <c>--json</c>.</summary>
internal sealed class ProgressPrinter(Terminal terminal, SecretMasker masker, bool json) : IProgress<DeployEvent>
{
    private readonly Lock _gate = new();

    public void Report(DeployEvent value)
    {
        lock (_gate)
        {
            if (json)
            {
                terminal.Out.WriteLine(JsonLine(value, masker));
                return;
            }

            var line = value switch
            {
                HostReadyEvent ready => $"{terminal.Cyan(ready.Host)}: connected, state read in {ready.Elapsed.TotalMilliseconds:0} ms",
                ChangeAppliedEvent change => $"{terminal.Cyan(change.Host)}: {(change.Change.Disruptive ? terminal.Yellow("changed") : terminal.Yellow("changed"))}: {masker.Mask(change.Change.Describe())}",
                HostFailedEvent failed => $"{terminal.Cyan(failed.Host)}: {terminal.Red("FAILED")}: {masker.Mask(failed.Message)}",
                _ => null,
            };
            if (line is not null)
            {
                terminal.Out.WriteLine(line);
            }
        }
    }

    public static string JsonLine(DeployEvent value, SecretMasker masker)
    {
        var fields = new Dictionary<string, object?> { ["event"] = value.GetType().Name.Replace("Event", "", StringComparison.Ordinal), ["host"] = value.Host };
        switch (value)
        {
            case HostReadyEvent ready:
                fields["elapsed_ms"] = Math.Round(ready.Elapsed.TotalMilliseconds, 1);
                break;
            case ServiceStartedEvent service:
                fields["service"] = service.Service;
                break;
            case ChangeAppliedEvent change:
                fields["change"] = change.Change.GetType().Name.Replace("Change", "", StringComparison.Ordinal);
                fields["container"] = change.Change.Container;
                fields["description"] = masker.Mask(change.Change.Describe());
                fields["disruptive"] = change.Change.Disruptive;
                fields["elapsed_ms"] = Math.Round(change.Elapsed.TotalMilliseconds, 1);
                break;
            case ContainerOkEvent ok:
                fields["container"] = ok.Container;
                break;
            case HostFailedEvent failed:
                fields["message"] = masker.Mask(failed.Message);
                break;
        }

        return PlainJson.Serialize(fields);
    }
}
