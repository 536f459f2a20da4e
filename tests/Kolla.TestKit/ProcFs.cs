using System.Globalization;

namespace Kolla.TestKit;

/// <summary>Reads process facts from <c>/proc</c> (Linux): parent, state, command line.</summary>
internal static class ProcFs
{
    /// <summary>The processes whose parent is <paramref name="parent"/>.</summary>
    public static IReadOnlyList<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } stat && stat.Parent == parent)
            {
                children.Add(pid);
            }
        }

        return children;
    }

    /// <summary>Whether <paramref name="pid"/> runs; a zombie counts as gone (it only waits to be reaped).</summary>
    public static bool IsAlive(int pid) => Stat(pid) is { } stat && stat.State is not ('Z' or 'X');

    /// <summary>The command line of <paramref name="pid"/>, arguments joined by spaces, or null when it is gone.</summary>
    public static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').TrimEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static (char State, int Parent)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent)
            ? (fields[0][0], parent)
            : null;
    }
}
