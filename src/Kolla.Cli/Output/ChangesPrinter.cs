using System.Text;
using Kolla.Changes;
using Kolla.Operations;
using Kolla.Passwords;
using Kolla.Serialization;

namespace Kolla.Cli.Output;

/// <summary>Prints what an operation would change (deploy, stop, destroy), per host, with a unified diff per file and secrets masked.</summary>
internal static class ChangesPrinter
{
    public static void Print(Terminal terminal, IReadOnlyList<HostChangeSet> sets, SecretMasker masker, bool json, bool diffs, string? noChanges = null)
    {
        foreach (var set in sets)
        {
            if (json)
            {
                foreach (var change in set.Changes)
                {
                    terminal.Out.WriteLine(PlainJson.Serialize(new Dictionary<string, object?>
                    {
                        ["event"] = "PlannedChange",
                        ["host"] = set.Host,
                        ["change"] = change.GetType().Name.Replace("Change", "", StringComparison.Ordinal),
                        ["container"] = change.Container,
                        ["description"] = masker.Mask(change.Describe()),
                        ["disruptive"] = change.Disruptive,
                    }));
                }

                if (set.Error is not null)
                {
                    terminal.Out.WriteLine(PlainJson.Serialize(new Dictionary<string, object?> { ["event"] = "HostFailed", ["host"] = set.Host, ["message"] = masker.Mask(set.Error) }));
                }

                continue;
            }

            terminal.Out.WriteLine(terminal.Bold($"== {set.Host}") + (set.Error is null ? $" ({set.Changes.Count} change(s))" : ""));
            if (set.Error is not null)
            {
                terminal.Out.WriteLine("   " + terminal.Red("unreachable: " + masker.Mask(set.Error)));
                continue;
            }

            foreach (var change in set.Changes)
            {
                var mark = change switch
                {
                    RecreateContainerChange or RestartContainerChange or DeleteFileChange or StopContainerChange or RemoveContainerChange
                        or RemoveDirectoryChange or RemoveVolumeChange or RemoveImageChange => terminal.Red("! "),
                    HeldRestartChange => terminal.Yellow("~ "),
                    _ => terminal.Green("+ "),
                };
                terminal.Out.WriteLine($"   {mark}{masker.Mask(change.Describe())}{(change.Disruptive ? terminal.Red("  [disruptive]") : "")}");
                if (change is RecreateContainerChange recreate)
                {
                    foreach (var difference in recreate.Differences)
                    {
                        terminal.Out.WriteLine(masker.Mask($"       {difference.Field}: {difference.Current} -> {difference.Desired}"));
                    }
                }

                if (!diffs)
                {
                    continue;
                }

                var diff = change switch
                {
                    WriteFileChange write => UnifiedDiff.Create(
                        write.File.Path,
                        set.CurrentFiles.TryGetValue(write.File.Path, out var old) ? Encoding.UTF8.GetString(old) : null,
                        Encoding.UTF8.GetString(write.File.Content.Span)),
                    DeleteFileChange delete => UnifiedDiff.Create(
                        delete.Path,
                        set.CurrentFiles.TryGetValue(delete.Path, out var gone) ? Encoding.UTF8.GetString(gone) : "",
                        null),
                    _ => "",
                };
                foreach (var line in masker.Mask(diff).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var painted = line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? terminal.Bold(line)
                        : line.StartsWith('+') ? terminal.Green(line)
                        : line.StartsWith('-') ? terminal.Red(line)
                        : line.StartsWith("@@", StringComparison.Ordinal) ? terminal.Cyan(line)
                        : line;
                    terminal.Out.WriteLine("       " + painted);
                }
            }
        }

        if (!json)
        {
            var total = sets.Sum(s => s.Changes.Count);
            var unreadable = sets.Count(s => s.Error is not null);
            var summary = total == 0 ? noChanges ?? "No changes: every host matches the plan." : $"Plan: {total} change(s) on {sets.Count(s => s.Changes.Count > 0)} host(s).";
            terminal.Out.WriteLine(unreadable > 0
                ? terminal.Red($"Plan incomplete: {unreadable} of {sets.Count} host(s) could not be read; ") + (total == 0 ? "no change on the others." : $"{total} change(s) on the others.")
                : total == 0 ? terminal.Green(summary) : summary);
        }
    }
}
