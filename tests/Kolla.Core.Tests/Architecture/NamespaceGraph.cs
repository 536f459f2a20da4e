using System.Text.RegularExpressions;
using Kolla.TestKit;

namespace Kolla.Tests.Architecture;

/// <summary>
/// Which of Kolla.Core's top-level namespaces (<c>Kolla.Planning</c>, <c>Kolla.Hosts</c>, ...) each one uses, read from
/// the source: a file belongs to its top folder (<c>Templates/Jinja</c> to <c>Templates</c>, which is also its
/// namespace), and uses what its <c>using Kolla.X;</c> directives and <c>Kolla.X.Type</c> qualified names (crefs
/// included) name.
/// </summary>
internal sealed partial class NamespaceGraph
{
    private NamespaceGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> edges) => Edges = edges;

    /// <summary>Gets each namespace's direct dependencies (without itself).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; }

    /// <summary>Reads the graph of the given project's sources.</summary>
    public static NamespaceGraph Read(string projectDirectory)
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            var relative = Path.GetRelativePath(projectDirectory, file).Split(Path.DirectorySeparatorChar);
            var from = relative.Length > 1 ? relative[0] : "Kolla";
            if (!edges.TryGetValue(from, out var targets))
            {
                edges[from] = targets = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (Match used in UsedNamespace().Matches(text))
            {
                var to = used.Groups[1].Success ? used.Groups[1].Value : used.Groups[2].Value;
                if (to != from)
                {
                    targets.Add(to);
                }
            }
        }

        return new NamespaceGraph(edges.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value, StringComparer.Ordinal));
    }

    /// <summary>Reads Kolla.Core's graph.</summary>
    public static NamespaceGraph Core() => Read(RepositoryPaths.InRepo("src", "Kolla.Core"));

    /// <summary>Every namespace reachable from <paramref name="from"/>, itself excluded.</summary>
    public IReadOnlySet<string> Reachable(string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var current))
        {
            foreach (var next in Edges.GetValueOrDefault(current) ?? new HashSet<string>())
            {
                if (next != from && seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return seen;
    }

    /// <summary>The namespaces that reach themselves again, each with the path that closes the cycle.</summary>
    public IReadOnlyList<string> Cycles() =>
        [.. Edges.Keys.Order(StringComparer.Ordinal).Where(n => Reachable(n).Any(r => Edges.GetValueOrDefault(r)?.Contains(n) == true))];

    /// <summary>The graph as lines <c>A -> B C</c>, sorted, for messages and notes.</summary>
    public override string ToString() =>
        string.Join('\n', Edges.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} -> {string.Join(' ', e.Value.Order(StringComparer.Ordinal))}"));

    [GeneratedRegex(@"^using Kolla\.([A-Za-z]+)[.A-Za-z]*;|\bKolla\.([A-Z][A-Za-z]+)\.[A-Z]", RegexOptions.Multiline)]
    private static partial Regex UsedNamespace();
}
