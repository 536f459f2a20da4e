using Kolla.Changes;
using Kolla.Operations;
using Kolla.Passwords;
using Kolla.Serialization;

namespace Kolla.Cli.Output;

/// <summary>
/// Prints what an operation would change (deploy, plan, upgrade, genconfig, stop, destroy), per host, secrets masked:
/// every change with a unified diff per file when that is short (or asked for with <c>--diff</c>), else a per-host
/// summary (<see cref="ChangeSummary"/>); one JSON object per change with <c>--json</c>.
/// </summary>
internal static class ChangesPrinter
{
    /// <summary>The longest plan shown in full by default: about a screen, what a person reads without scrolling back.</summary>
    public const int MaxDetailLines = 80;

    public static void Print(Terminal terminal, IReadOnlyList<HostChangeSet> sets, SecretMasker masker, bool json, DiffSelection diffs, string? noChanges = null)
    {
        if (json)
        {
            PrintJson(terminal, sets, masker);
            return;
        }

        var summarised = false;
        if (diffs.Mode == DiffMode.Auto)
        {
            // Rendered lazily: only as much of the full plan as it takes to know it is too long.
            var head = Detail(terminal, sets, masker, DiffSelection.All).Take(MaxDetailLines + 1).ToList();
            summarised = head.Count > MaxDetailLines;
            foreach (var line in summarised ? ChangeSummary.Lines(terminal, sets, masker) : head)
            {
                terminal.Out.WriteLine(line);
            }
        }
        else
        {
            foreach (var line in Detail(terminal, sets, masker, diffs))
            {
                terminal.Out.WriteLine(line);
            }
        }

        var total = sets.Sum(s => s.Changes.Count);
        var unreadable = sets.Count(s => s.Error is not null);
        if (summarised)
        {
            terminal.Out.WriteLine($"(a summary: the full plan is over {MaxDetailLines} lines; --diff shows every change with its diff, --diff GLOB only the diffs of matching files, --no-diff every change without diffs)");
        }

        var summary = total == 0 ? noChanges ?? "No changes: every host matches the plan." : $"Plan: {total} change(s) on {sets.Count(s => s.Changes.Count > 0)} host(s).";
        terminal.Out.WriteLine(unreadable > 0
            ? terminal.Red($"Plan incomplete: {unreadable} of {sets.Count} host(s) could not be read; ") + (total == 0 ? "no change on the others." : $"{total} change(s) on the others.")
            : total == 0 ? terminal.Green(summary) : summary);
    }

    /// <summary>Every change of every host, with the diffs <paramref name="diffs"/> selects.</summary>
    private static IEnumerable<string> Detail(Terminal terminal, IReadOnlyList<HostChangeSet> sets, SecretMasker masker, DiffSelection diffs)
    {
        foreach (var set in sets)
        {
            yield return terminal.Bold($"== {set.Host}") + (set.Error is null ? $" ({set.Changes.Count} change(s))" : "");
            if (set.Error is not null)
            {
                yield return "   " + terminal.Red("unreachable: " + masker.Mask(set.Error));
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
                yield return $"   {mark}{masker.Mask(change.Describe())}{(change.Disruptive ? terminal.Red("  [disruptive]") : "")}";
                if (change is RecreateContainerChange recreate)
                {
                    foreach (var difference in recreate.Differences)
                    {
                        yield return masker.Mask($"       {difference.Field}: {difference.Current} -> {difference.Desired}");
                    }
                }

                var path = change switch { WriteFileChange write => write.File.Path, DeleteFileChange delete => delete.Path, _ => null };
                if (path is null || !diffs.ShowsDiffOf(path))
                {
                    continue;
                }

                foreach (var line in (FileDiffs.Of(set, change, masker) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    var painted = line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? terminal.Bold(line)
                        : line.StartsWith('+') ? terminal.Green(line)
                        : line.StartsWith('-') ? terminal.Red(line)
                        : line.StartsWith("@@", StringComparison.Ordinal) ? terminal.Cyan(line)
                        : line;
                    yield return "       " + painted;
                }
            }
        }
    }

    private static void PrintJson(Terminal terminal, IReadOnlyList<HostChangeSet> sets, SecretMasker masker)
    {
        foreach (var set in sets)
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
        }
    }
}
