namespace Kolla.Docker.Build;

/// <summary>Finds the Debian mirror this machine uses, for debootstrap.</summary>
internal static class DebianMirror
{
    /// <summary>Used when the machine names no mirror.</summary>
    public const string Fallback = "http://deb.debian.org/debian";

    /// <summary>
    /// The first non-security archive named by <c>URIs:</c> in <c>&lt;aptDirectory&gt;/sources.list.d/*.sources</c>,
    /// else by a <c>deb</c> line of <c>sources.list</c> (or <c>sources.list.d/*.list</c>), else <see cref="Fallback"/>.
    /// </summary>
    public static string Detect(string aptDirectory = "/etc/apt")
    {
        ArgumentNullException.ThrowIfNull(aptDirectory);
        var parts = Path.Combine(aptDirectory, "sources.list.d");
        var candidates = new List<string>();
        if (Directory.Exists(parts))
        {
            foreach (var file in Directory.EnumerateFiles(parts, "*.sources").Order(StringComparer.Ordinal))
            {
                candidates.AddRange(File.ReadLines(file)
                    .Select(l => l.Trim())
                    .Where(l => l.StartsWith("URIs:", StringComparison.OrdinalIgnoreCase))
                    .SelectMany(l => l["URIs:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        var lists = new List<string> { Path.Combine(aptDirectory, "sources.list") };
        if (Directory.Exists(parts))
        {
            lists.AddRange(Directory.EnumerateFiles(parts, "*.list").Order(StringComparer.Ordinal));
        }

        foreach (var list in lists.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(list).Select(l => l.Trim()).Where(l => l.StartsWith("deb ", StringComparison.Ordinal)))
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
                if (words.Count > 0 && words[0].StartsWith('['))
                {
                    // Options: "[arch=amd64 signed-by=...]" may span several words.
                    var end = words.FindIndex(w => w.EndsWith(']'));
                    words = words.Skip(end + 1).ToList();
                }

                if (words.Count > 0)
                {
                    candidates.Add(words[0]);
                }
            }
        }

        return candidates.FirstOrDefault(u => u.Contains("://", StringComparison.Ordinal) && !u.Contains("security", StringComparison.OrdinalIgnoreCase))
            ?.TrimEnd('/') ?? Fallback;
    }
}
