using System.Globalization;
using System.Text;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>
/// A seeded generator of YAML layers for the merge_yaml differential test: block and flow collections, YAML 1.1
/// look-alike plain scalars (yes/on/0644/0x1F/1e3/dates/.inf/sexagesimal), quoted strings with escapes, non-ASCII
/// and control characters, long strings that fold, long keys, mixed-type keys, anchors and aliases, merge keys.
/// </summary>
internal sealed class YamlCorpus(int seed)
{
    private static readonly string[] PlainScalars =
    [
        "yes", "No", "on", "OFF", "true", "False", "0644", "0x1F", "0b101", "1e3", "1.5", "1_000", "-7", "+3", "1.10",
        "2024-01-31", "2024-01-31T10:20:30Z", "2024-01-31 10:20:30.5 +05:30", "~", "null", ".inf", "-.inf", ".nan",
        "12:30", "190:20:30.15", "word", "two words", "http://h:80/x", "a-b", "-dash", "x#y", "path/to", "007", "08",
        "1.2.3", "60s", "10.0.0.1:9100", "0.0001", "123456789012345678", "1.0e+20", "-0.0", "3.", ".5",
    ];

    private static readonly string[] KeyWords = ["alpha", "Beta", "_x", "zeta", "on", "1", "2", "10", "null", "3.5", "true", "key with space", "名"];
    private static readonly string[] Alphabet =
    [
        "a", "b", "c", " ", " ", ":", "#", "'", "\"", "\\", "\n", "\t", "é", "名", "😀", "\u0085", "\u00a0", "\u2028", "\ufeff", "\u0007", "\u001b", "-", "?", ",", "[", "{", "%", "@", "`", "!", "&", "*", "|", ">",
    ];

    private readonly Random _random = new(seed);
    private readonly List<string> _anchors = [];
    private int _anchorCount;

    /// <summary>One merge case: 1–3 layers, extend_lists on or off, maybe a width.</summary>
    public (List<ConfigSource> Sources, bool ExtendLists, int? Width) NextCase()
    {
        var sources = new List<ConfigSource>();
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            sources.Add(ConfigSource.FromText($"layer{i + 1}.yml", NextDocument()));
        }

        int? width = _random.NextDouble() < 0.1 ? _random.Next(20, 200) : null;
        return (sources, _random.NextDouble() < 0.5, width);
    }

    private string NextDocument()
    {
        _anchors.Clear();
        if (_random.NextDouble() < 0.05)
        {
            return Pick(["", "# only a comment\n", "null\n", "{}\n", "[]\n", "false\n"]);
        }

        var sb = new StringBuilder();
        BlockMapping(sb, 0, 0);
        return sb.ToString();
    }

    private void BlockMapping(StringBuilder sb, int indent, int depth)
    {
        var count = _random.Next(1, 6);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = Key();
            if (!used.Add(key))
            {
                continue;
            }

            sb.Append(' ', indent).Append(key).Append(':');
            Value(sb, indent, depth, inSequence: false);
        }
    }

    private void Value(StringBuilder sb, int indent, int depth, bool inSequence)
    {
        var roll = _random.NextDouble();
        if (_anchors.Count > 0 && roll < 0.05)
        {
            sb.Append(" *").Append(Pick(_anchors)).Append('\n');
            return;
        }

        var anchor = string.Empty;
        if (_random.NextDouble() < 0.06)
        {
            var name = $"a{++_anchorCount}";
            anchor = " &" + name;
            _pendingAnchor = name;
        }

        if (depth < 3 && roll < 0.25)
        {
            sb.Append(anchor).Append('\n');
            BlockMapping(sb, indent + 2, depth + 1);
        }
        else if (depth < 3 && roll < 0.4)
        {
            sb.Append(anchor).Append('\n');
            var items = _random.Next(1, 4);
            var itemIndent = _random.NextDouble() < 0.5 ? indent : indent + 2;
            for (var i = 0; i < items; i++)
            {
                sb.Append(' ', itemIndent).Append('-');
                if (depth < 2 && _random.NextDouble() < 0.3)
                {
                    sb.Append('\n');
                    BlockMapping(sb, itemIndent + 2, depth + 1);
                }
                else
                {
                    sb.Append(' ').Append(Scalar()).Append('\n');
                }
            }
        }
        else if (roll < 0.5)
        {
            sb.Append(anchor).Append(' ').Append(Flow(depth)).Append('\n');
        }
        else
        {
            sb.Append(anchor).Append(' ').Append(Scalar()).Append('\n');
        }

        if (_pendingAnchor is { } done)
        {
            _anchors.Add(done);
            _pendingAnchor = null;
        }
    }

    private string? _pendingAnchor;

    private string Flow(int depth)
    {
        if (_random.NextDouble() < 0.5)
        {
            var items = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => depth < 3 && _random.NextDouble() < 0.2 ? Flow(depth + 1) : FlowScalar());
            return "[" + string.Join(", ", items) + "]";
        }

        var pairs = Enumerable.Range(0, _random.Next(0, 4)).Select(i => $"f{i}{Pick(KeyWords).Replace(" ", "_", StringComparison.Ordinal)}: {FlowScalar()}");
        return "{" + string.Join(", ", pairs) + "}";
    }

    private string FlowScalar() => _random.NextDouble() < 0.6 ? Pick(PlainScalars.Where(s => !s.Contains(' ', StringComparison.Ordinal) && !s.Contains('#', StringComparison.Ordinal) && !s.Contains(':', StringComparison.Ordinal)).ToArray()) : DoubleQuoted(RandomText(12));

    private string Key()
    {
        var roll = _random.NextDouble();
        if (roll < 0.02)
        {
            return new string('k', 118 + _random.Next(10));
        }

        if (roll < 0.06)
        {
            return "'" + Pick(KeyWords) + "'";
        }

        if (roll < 0.08)
        {
            return "''";
        }

        if (roll < 0.1)
        {
            return DoubleQuoted(RandomText(6));
        }

        return Pick(KeyWords);
    }

    private string Scalar()
    {
        var roll = _random.NextDouble();
        if (roll < 0.45)
        {
            return Pick(PlainScalars);
        }

        if (roll < 0.6)
        {
            return "'" + Pick(PlainScalars).Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        if (roll < 0.8)
        {
            return DoubleQuoted(RandomText(_random.Next(0, 20)));
        }

        // Long text: folds at the width in plain, single or double quoted style.
        var words = Enumerable.Range(0, _random.Next(10, 40)).Select(i => Pick(["word", "lorem", "ipsum" + i.ToString(CultureInfo.InvariantCulture), "x", "averyveryverylongwordwithoutspaces", "é"]));
        var text = string.Join(_random.NextDouble() < 0.8 ? " " : "  ", words);
        return _random.NextDouble() < 0.5 ? text.Replace("é", "e", StringComparison.Ordinal) : DoubleQuoted(text + (_random.NextDouble() < 0.3 ? "\n" + text : string.Empty));
    }

    private string RandomText(int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            sb.Append(Pick(Alphabet));
        }

        return sb.ToString();
    }

    private static string DoubleQuoted(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            var v = rune.Value;
            sb.Append(v switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                < 0x20 or 0x7f or 0x85 or 0x2028 or 0xfeff => $"\\u{v:X4}",
                _ => rune.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
