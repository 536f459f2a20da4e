using System.IO.Enumeration;

namespace Kolla.Cli.Output;

/// <summary>
/// A file pattern of <c>--diff GLOB</c>: <c>/</c>-separated parts with <c>*</c> and <c>?</c>, each matching one whole
/// segment of a file's path on the host. A pattern starting with <c>/</c> is anchored at the root
/// (<c>/etc/kolla/nova-api</c>: every file under that directory); any other matches a run of segments anywhere
/// (<c>nova*</c>: files in a <c>nova*</c> directory or named <c>nova*</c>; <c>keystone/*.conf</c>).
/// </summary>
/// <param name="Pattern">The pattern as the user typed it.</param>
internal sealed record PathGlob(string Pattern)
{
    public bool Matches(string path)
    {
        var parts = Pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return false;
        }

        var lastStart = Pattern.StartsWith('/') ? 0 : segments.Length - parts.Length;
        for (var start = 0; start <= lastStart; start++)
        {
            if (parts.Select((part, i) => start + i < segments.Length && FileSystemName.MatchesSimpleExpression(part, segments[start + i], ignoreCase: false)).All(m => m))
            {
                return true;
            }
        }

        return false;
    }
}
