using System.Globalization;
using Kolla.Changes;
using Kolla.Passwords;

namespace Kolla.Cli.Output;

/// <summary>
/// The short form of a long plan: per host, which files change with their added/removed line counts (new files counted
/// per directory), which containers are created, recreated (and why) or restarted (and why), and how many volumes, image
/// pulls and one-shot jobs come with them. Hosts with the same summary are shown once, so 1,000 alike hosts stay short.
/// </summary>
internal static class ChangeSummary
{
    private const int Width = 110;

    /// <summary>The summary's lines: a header per group of hosts with the same changes, then their summary.</summary>
    public static IEnumerable<string> Lines(Terminal terminal, IReadOnlyList<HostChangeSet> sets, SecretMasker masker)
    {
        var groups = new List<(List<string> Hosts, HostChangeSet First, List<string> Body)>();
        var newFileLines = new Dictionary<ReadOnlyMemory<byte>, int>();
        foreach (var set in sets)
        {
            if (set.Error is not null)
            {
                groups.Add(([set.Host], set, ["   " + terminal.Red("unreachable: " + masker.Mask(set.Error))]));
                continue;
            }

            var body = Body(terminal, set, masker, newFileLines);
            var same = groups.FindIndex(g => g.First.Error is null && g.First.Changes.Count == set.Changes.Count && g.Body.SequenceEqual(body, StringComparer.Ordinal));
            if (same >= 0)
            {
                groups[same].Hosts.Add(set.Host);
            }
            else
            {
                groups.Add(([set.Host], set, body));
            }
        }

        foreach (var (hosts, first, body) in groups)
        {
            yield return Header(terminal, hosts, first);
            foreach (var line in body)
            {
                yield return line;
            }
        }
    }

    private static string Header(Terminal terminal, List<string> hosts, HostChangeSet first)
    {
        if (first.Error is not null)
        {
            return terminal.Bold($"== {first.Host}");
        }

        if (hosts.Count == 1)
        {
            return terminal.Bold($"== {first.Host}") + $" ({first.Changes.Count} change(s))";
        }

        const int named = 5;
        var names = string.Join(", ", hosts.Take(named)) + (hosts.Count > named ? $" and {hosts.Count - named} more" : "");
        return terminal.Bold($"== {names}") + $" ({hosts.Count} hosts, {first.Changes.Count} change(s) each)";
    }

    private static List<string> Body(Terminal terminal, HostChangeSet set, SecretMasker masker, Dictionary<ReadOnlyMemory<byte>, int> newFileLines)
    {
        var body = new List<string>();
        Files(terminal, set, masker, body, newFileLines);
        Containers(terminal, set, masker, body);
        var also = set.Changes
            .Where(c => c is not WriteFileChange and not DeleteFileChange && ContainerVerb(c) is null)
            .GroupBy(c => Label(Kind(c)))
            .Select(g => $"{g.Count()} {g.Key}")
            .ToList();
        if (also.Count > 0)
        {
            body.Add("   also: " + string.Join(", ", also));
        }

        return body;
    }

    private static void Files(Terminal terminal, HostChangeSet set, SecretMasker masker, List<string> body, Dictionary<ReadOnlyMemory<byte>, int> newFileLines)
    {
        var files = set.Changes.Where(c => c is WriteFileChange or DeleteFileChange).Select(c => (Change: c, Count: FileDiffs.Count(set, c, masker, newFileLines))).ToList();
        if (files.Count == 0)
        {
            return;
        }

        var created = files.Where(f => f.Change is WriteFileChange { Current: null }).ToList();
        var updated = files.Where(f => f.Change is WriteFileChange { Current: not null }).ToList();
        var deleted = files.Where(f => f.Change is DeleteFileChange).ToList();
        var parts = new List<string>();
        if (created.Count > 0)
        {
            parts.Add($"{created.Count} to create (+{Number(created.Sum(f => f.Count.Added))})");
        }

        if (updated.Count > 0)
        {
            parts.Add($"{updated.Count} to update (+{Number(updated.Sum(f => f.Count.Added))} -{Number(updated.Sum(f => f.Count.Removed))})");
        }

        if (deleted.Count > 0)
        {
            parts.Add($"{deleted.Count} to delete (-{Number(deleted.Sum(f => f.Count.Removed))})");
        }

        body.Add("   files: " + string.Join(", ", parts));

        // New files by directory (a first deploy writes a hundred); changed and deleted ones one by one.
        foreach (var directory in created.GroupBy(f => Directory(((WriteFileChange)f.Change).File.Path)))
        {
            var added = Number(directory.Sum(f => f.Count.Added));
            body.Add(directory.Count() == 1
                ? $"     {terminal.Green("+")} {((WriteFileChange)directory.First().Change).File.Path} (+{added})"
                : $"     {terminal.Green("+")} {directory.Key}/ ({directory.Count()} new files, +{added})");
        }

        foreach (var (change, (added, removed)) in updated)
        {
            var write = (WriteFileChange)change;
            var what = write.Current!.Sha256 == write.File.Sha256 ? $"mode {Convert.ToString(write.File.Mode, 8)}" : $"+{Number(added)} -{Number(removed)}";
            body.Add($"     {terminal.Yellow("~")} {write.File.Path} ({what})");
        }

        foreach (var (change, (_, removed)) in deleted)
        {
            body.Add($"     {terminal.Red("-")} {((DeleteFileChange)change).Path} (-{Number(removed)})");
        }
    }

    private static void Containers(Terminal terminal, HostChangeSet set, SecretMasker masker, List<string> body)
    {
        var containers = set.Changes.Where(c => ContainerVerb(c) is not null).ToList();
        if (containers.Count == 0)
        {
            return;
        }

        body.Add("   containers: " + string.Join(", ", containers.GroupBy(c => ContainerVerb(c)!).Select(g => $"{g.Count()} to {g.Key}")));
        var creates = containers.Where(c => ContainerVerb(c) == "create").Select(c => c.Container).ToList();
        if (creates.Count > 0)
        {
            body.AddRange(Wrap($"     {terminal.Green("+")} create: ", "     + create: ".Length, creates));
        }

        // The disruptive ones, and those held back, each on its own line with the reason.
        foreach (var change in containers.Where(c => ContainerVerb(c) != "create"))
        {
            var mark = change switch
            {
                HeldRestartChange => terminal.Yellow("~"),
                _ when change.Disruptive => terminal.Red("!"),
                _ => terminal.Green("+"),
            };
            body.Add($"     {mark} {masker.Mask(change.Describe())}");
        }
    }

    /// <summary>What a change does to a container (create, recreate, restart, start, hold, stop, remove), or null for other changes.</summary>
    private static string? ContainerVerb(HostChange change) => Kind(change) switch
    {
        "CreateContainer" => "create",
        "RecreateContainer" => "recreate",
        "RestartContainer" => "restart",
        "StartContainer" => "start",
        "ReloadContainer" => "reload",
        "BootstrapCluster" => "bootstrap a cluster",
        "RejoinCluster" => "recreate",
        "HeldRestart" => "keep running (restart held)",
        "StopContainer" => "stop",
        "RemoveContainer" => "remove",
        _ => null,
    };

    // The change's kind, as --json names it (some change types are internal to Kolla.Core).
    private static string Kind(HostChange change) => change.GetType().Name.Replace("Change", "", StringComparison.Ordinal);

    private static string Label(string kind) => kind switch
    {
        "CreateVolume" => "volume(s) to create",
        "PullImage" => "image(s) to pull",
        "RunBootstrap" => "one-shot job(s) to run",
        "RemoveVolume" => "volume(s) to remove",
        "RemoveDirectory" => "config directory(ies) to remove",
        var other => other,
    };

    private static IEnumerable<string> Wrap(string first, int indent, IReadOnlyList<string> names)
    {
        var line = first;
        var empty = true;
        foreach (var name in names)
        {
            var piece = (empty ? "" : ", ") + name;
            if (!empty && line.Length + piece.Length > Width)
            {
                yield return line + ",";
                line = new string(' ', indent) + name;
                continue;
            }

            line += piece;
            empty = false;
        }

        yield return line;
    }

    private static string Directory(string path) => path[..Math.Max(0, path.LastIndexOf('/'))];

    private static string Number(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
