using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kolla.Tests.Parity;

/// <summary>What kind of difference a deviation allows.</summary>
public enum ParityDifferenceKind
{
    /// <summary>Both sides write the file; the bytes differ.</summary>
    Differs,

    /// <summary>Only kolla-ansible writes the file.</summary>
    OnlyUpstream,

    /// <summary>Only we write the file.</summary>
    OnlyOurs,
}

/// <summary>
/// One documented difference from kolla-ansible (an entry of <c>tests/parity/deviations/&lt;service&gt;.yml</c>):
/// a decision, with its reason, not an accident.
/// </summary>
/// <param name="Source">File and entry number, for messages.</param>
/// <param name="Path">Glob over <c>&lt;container dir&gt;/&lt;file&gt;</c> (<c>*</c> and <c>?</c>, not crossing <c>/</c>... except <c>**</c>).</param>
/// <param name="Kind">The kind of difference allowed.</param>
/// <param name="Layouts">Parity layouts it applies to; empty = all.</param>
/// <param name="Lines">When set, every changed line (either side) must match one of these.</param>
/// <param name="Why">The reason.</param>
public sealed record ParityDeviation(string Source, string Path, ParityDifferenceKind Kind, IReadOnlyList<string> Layouts, IReadOnlyList<Regex> Lines, string Why)
{
    /// <summary>Whether this deviation covers a difference.</summary>
    public bool Covers(string layout, ParityDifference difference) =>
        difference.Kind == Kind
        && (Layouts.Count == 0 || Layouts.Contains(layout))
        && Glob(Path).IsMatch(difference.Path)
        && (Lines.Count == 0 || difference.ChangedLines.All(line => Lines.Any(r => r.IsMatch(line))));

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*\*", ".*", StringComparison.Ordinal).Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$");

    /// <summary>Reads every <c>*.yml</c> in a directory.</summary>
    public static IReadOnlyList<ParityDeviation> Load(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*.yml").Order(StringComparer.Ordinal).SelectMany(LoadFile)]
            : [];

    /// <summary>Reads one file of deviations (none when it does not exist).</summary>
    public static IReadOnlyList<ParityDeviation> LoadFile(string file)
    {
        var deviations = new List<ParityDeviation>();
        if (!File.Exists(file))
        {
            return deviations;
        }

        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return deviations;
        }

        var list = stream.Documents[0].RootNode as YamlSequenceNode
            ?? throw new FormatException($"{file}: expected a list of deviations");
        var label = $"{System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(file))}/{System.IO.Path.GetFileName(file)}";
        var index = 0;
        foreach (var node in list.Children)
        {
            index++;
            var where = $"{label}#{index} (line {node.Start.Line})";
            var map = node as YamlMappingNode ?? throw new FormatException($"{where}: expected a mapping");
            string? Text(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value : null;
            IReadOnlyList<string> List(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v)
                ? ((YamlSequenceNode)v).Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToArray()
                : [];
            var unknown = map.Children.Keys.Select(k => ((YamlScalarNode)k).Value).Except(["path", "kind", "layouts", "lines", "why"]).ToArray();
            if (unknown.Length > 0)
            {
                throw new FormatException($"{where}: unknown key(s) {string.Join(", ", unknown)}");
            }

            var why = Text("why");
            if (string.IsNullOrWhiteSpace(why))
            {
                throw new FormatException($"{where}: 'why' is required");
            }

            deviations.Add(new ParityDeviation(
                where,
                Text("path") ?? throw new FormatException($"{where}: 'path' is required"),
                ParseKind(Text("kind")) ?? throw new FormatException($"{where}: kind must be differs, only-upstream or only-ours, not '{Text("kind")}'"),
                List("layouts"),
                List("lines").Select(l => new Regex(l)).ToArray(),
                why));
        }

        return deviations;
    }

    /// <summary>The kind a file names (<c>differs</c>, <c>only-upstream</c>, <c>only-ours</c>), or null.</summary>
    public static ParityDifferenceKind? ParseKind(string? kind) => kind switch
    {
        "differs" => ParityDifferenceKind.Differs,
        "only-upstream" => ParityDifferenceKind.OnlyUpstream,
        "only-ours" => ParityDifferenceKind.OnlyOurs,
        _ => null,
    };
}
