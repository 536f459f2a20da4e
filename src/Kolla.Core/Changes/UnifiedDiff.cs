using System.Text;
using DiffPlex;

namespace Kolla.Changes;

/// <summary>Unified diffs (<c>diff -u</c> shape, 3 lines of context) between a host's current file and the desired one.</summary>
public static class UnifiedDiff
{
    /// <summary>Builds the diff; empty when the texts are equal.</summary>
    /// <param name="path">File path for the <c>---</c>/<c>+++</c> headers.</param>
    /// <param name="before">Current text, or null when the file does not exist.</param>
    /// <param name="after">Desired text, or null when the file is deleted.</param>
    /// <param name="context">Lines of context around each change.</param>
    public static string Create(string path, string? before, string? after, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return "";
        }

        var oldLines = SplitLines(before);
        var newLines = SplitLines(after);
        var diff = Differ.Instance.CreateLineDiffs(string.Join('\n', oldLines), string.Join('\n', newLines), ignoreWhitespace: false);
        var text = new StringBuilder();
        text.Append("--- ").Append(before is null ? "/dev/null" : path).Append('\n');
        text.Append("+++ ").Append(after is null ? "/dev/null" : path).Append('\n');
        var blocks = diff.DiffBlocks;
        var i = 0;
        while (i < blocks.Count)
        {
            // Group blocks whose context overlaps into one hunk.
            var first = i;
            var last = i;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * context)
            {
                last++;
            }

            var oldStart = Math.Max(0, blocks[first].DeleteStartA - context);
            var newStart = Math.Max(0, blocks[first].InsertStartB - context);
            var oldEnd = Math.Min(oldLines.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + context);
            var newEnd = Math.Min(newLines.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + context);
            text.Append("@@ -").Append(Range(oldStart, oldEnd - oldStart)).Append(" +").Append(Range(newStart, newEnd - newStart)).Append(" @@\n");
            var a = oldStart;
            for (var b = first; b <= last; b++)
            {
                var block = blocks[b];
                for (; a < block.DeleteStartA; a++)
                {
                    text.Append(' ').Append(oldLines[a]).Append('\n');
                }

                for (var k = 0; k < block.DeleteCountA; k++)
                {
                    text.Append('-').Append(oldLines[block.DeleteStartA + k]).Append('\n');
                }

                for (var k = 0; k < block.InsertCountB; k++)
                {
                    text.Append('+').Append(newLines[block.InsertStartB + k]).Append('\n');
                }

                a = block.DeleteStartA + block.DeleteCountA;
            }

            for (; a < oldEnd; a++)
            {
                text.Append(' ').Append(oldLines[a]).Append('\n');
            }

            i = last + 1;
        }

        return text.ToString();
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static List<string> SplitLines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var lines = text.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
