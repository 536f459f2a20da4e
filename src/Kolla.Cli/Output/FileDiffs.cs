using System.Text;
using Kolla.Changes;
using Kolla.Passwords;

namespace Kolla.Cli.Output;

/// <summary>The diff of a file change as the plan shows it (secrets masked), and its added and removed line counts.</summary>
internal static class FileDiffs
{
    /// <summary>The masked unified diff of a file write or deletion; null for any other change.</summary>
    public static string? Of(HostChangeSet set, HostChange change, SecretMasker masker) => change switch
    {
        WriteFileChange write => masker.Mask(UnifiedDiff.Create(write.File.Path, Current(set, write.File.Path), Encoding.UTF8.GetString(write.File.Content.Span))),
        DeleteFileChange delete => masker.Mask(UnifiedDiff.Create(delete.Path, Current(set, delete.Path) ?? "", null)),
        _ => null,
    };

    /// <summary>Lines added and removed by a file change (a new file: all its lines; a deleted one: all of them, removed).</summary>
    /// <param name="set">The host's changes.</param>
    /// <param name="change">One of them.</param>
    /// <param name="masker">What to mask (a masked multi-line secret counts as one line).</param>
    /// <param name="newFileLines">
    /// Line counts of new files by their content (the same bytes in memory: equal memories), filled as files are counted:
    /// the hosts of a large plan share most files' bytes, so each shared file is decoded and masked once, not once per host.
    /// </param>
    public static (int Added, int Removed) Count(HostChangeSet set, HostChange change, SecretMasker masker, Dictionary<ReadOnlyMemory<byte>, int>? newFileLines = null)
    {
        if (change is WriteFileChange { Current: null } created)
        {
            // A new file is all additions: no need to diff it against nothing.
            if (newFileLines is null || !newFileLines.TryGetValue(created.File.Content, out var lines))
            {
                // Masking replaces secrets with ***: it changes the line count only where a secret spanning lines is found.
                var text = Encoding.UTF8.GetString(created.File.Content.Span);
                lines = Lines(masker.MayChangeLines(text) ? masker.Mask(text) : text);
                newFileLines?.Add(created.File.Content, lines);
            }

            return (lines, 0);
        }

        var added = 0;
        var removed = 0;
        // The first two lines are the ---/+++ headers.
        foreach (var line in (Of(set, change, masker) ?? "").Split('\n').Skip(2))
        {
            added += line.StartsWith('+') ? 1 : 0;
            removed += line.StartsWith('-') ? 1 : 0;
        }

        return (added, removed);
    }

    private static string? Current(HostChangeSet set, string path) =>
        set.CurrentFiles.TryGetValue(path, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    private static int Lines(string text) => text.Length == 0 ? 0 : text.AsSpan().Count('\n') + (text.EndsWith('\n') ? 0 : 1);
}
