using System.Text;
using System.Text.RegularExpressions;

namespace Kolla.Start;

/// <summary>
/// Python-style <c>glob.glob</c> over container paths: <c>*</c>, <c>?</c> and <c>[…]</c> (<c>[!…]</c> negates) per
/// path segment, hidden names only matched by a pattern starting with a dot, results unsorted (directory order).
/// </summary>
internal static class Glob
{
    public static bool HasMagic(string pattern) => pattern.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>Expands <paramref name="pattern"/> (a container path) against <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Expand(StartRoot root, string pattern)
    {
        if (!HasMagic(pattern))
        {
            var host = root.Host(pattern);
            var exists = pattern.EndsWith('/') ? Directory.Exists(host) : PathExists(host, followLinks: false);
            return exists ? [pattern] : [];
        }

        var segments = pattern.Split('/');
        List<string> current = [pattern.StartsWith('/') ? string.Empty : "."];
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment.Length == 0)
            {
                // Leading slash, doubled slash or trailing slash: a trailing one keeps directories only.
                if (last && i > 0)
                {
                    current = [.. current.Where(path => Directory.Exists(root.Host(path))).Select(path => path + "/")];
                }

                continue;
            }

            current = HasMagic(segment)
                ? [.. current.SelectMany(path => Match(root, path, segment))]
                : [.. current.Select(path => Join(path, segment))];
        }

        return [.. current.Where(path => PathExists(root.Host(path.TrimEnd('/').Length == 0 ? "/" : path), followLinks: false))
            .Select(path => path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path)];
    }

    private static IEnumerable<string> Match(StartRoot root, string directory, string segment)
    {
        var host = root.Host(directory.Length == 0 ? "/" : directory);
        if (!Directory.Exists(host))
        {
            return [];
        }

        var regex = new Regex(Translate(segment), RegexOptions.CultureInvariant);
        var hiddenAllowed = segment.StartsWith('.');
        try
        {
            return [.. Directory.EnumerateFileSystemEntries(host)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => (hiddenAllowed || !name.StartsWith('.')) && regex.IsMatch(name))
                .Select(name => Join(directory, name))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Join(string directory, string name) => directory + "/" + name;

    internal static bool PathExists(string hostPath, bool followLinks) => Posix.TryStat(hostPath, followLinks) is not null;

    /// <summary>Translates one fnmatch segment to an anchored regular expression.</summary>
    internal static string Translate(string segment)
    {
        var result = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    result.Append(".*");
                    break;
                case '?':
                    result.Append('.');
                    break;
                case '[':
                    var j = i + 1;
                    if (j < segment.Length && segment[j] == '!')
                    {
                        j++;
                    }

                    if (j < segment.Length && segment[j] == ']')
                    {
                        j++;
                    }

                    var close = segment.IndexOf(']', j);
                    if (close < 0)
                    {
                        result.Append(@"\[");
                        break;
                    }

                    var body = segment[(i + 1)..close];
                    var negate = body.StartsWith('!');
                    if (negate)
                    {
                        body = body[1..];
                    }

                    result.Append('[').Append(negate ? "^" : string.Empty)
                        .Append(body.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("[", @"\[", StringComparison.Ordinal))
                        .Append(']');
                    i = close;
                    break;
                default:
                    result.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return result.Append('$').ToString();
    }
}
