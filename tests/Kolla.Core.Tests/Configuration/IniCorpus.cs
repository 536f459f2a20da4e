using System.Text;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>
/// A seeded generator of layered oslo.config-style INI inputs that exercise every parser rule: both separators,
/// quotes, continuation lines (space and tab, also <c>#</c>-led), comments, blank and whitespace-only lines (Python
/// whitespace beyond ASCII), repeated keys and sections, orphan keys, CRLF / lone CR / missing final newline,
/// non-ASCII and astral keys (code-point indentation), missing sources, and occasionally a bad line.
/// </summary>
internal sealed class IniCorpus(int seed)
{
    private static readonly string[] SectionNames = ["DEFAULT", "default", "database", " db ", "a]b", "x y", "nova", "[weird", "名前", "filter:authtoken"];
    private static readonly string[] Keys = ["debug", "Debug", "host", "k", "key.with.dots", "x-y", "名前", "😀k", "transport_url", "a b"];
    private static readonly string[] Words = ["v", "True", "mysql+pymysql://nova:pw@db/nova", "http://h:5000/v3", "a=b:c", "x # not a comment", "/var/log", "héllo", "😀", "1", ""];
    private static readonly string[] Quoted = ["\"quoted value\"", "'single'", "\"", "'", "\"a\" \"b\"", "\"mismatch'", "''", "\"\""];
    private static readonly string[] Blanks = ["", " ", "\t", "\f", "\u3000", " \u00a0", "\u001c"];
    private static readonly string[] Errors = ["justword", "= v", " : v", "[unterminated", "[]", "[a] # c", "  orphan continuation"];

    private readonly Random _random = new(seed);

    /// <summary>One merge case: 1–5 sources (some missing) and a whitespace flag.</summary>
    public (List<ConfigSource> Sources, bool Whitespace) NextCase(bool allowErrors = true)
    {
        var count = _random.Next(1, 6);
        var sources = new List<ConfigSource>();
        var withError = allowErrors && _random.NextDouble() < 0.12 ? _random.Next(count) : -1;
        for (var i = 0; i < count; i++)
        {
            var name = $"layer{i + 1}.conf";
            sources.Add(_random.NextDouble() < 0.1 && i != withError ? ConfigSource.Missing(name) : ConfigSource.FromText(name, NextFile(i == withError)));
        }

        return (sources, _random.NextDouble() < 0.7);
    }

    /// <summary>The text of one source.</summary>
    public string NextFile(bool withError = false)
    {
        var lines = new List<string>();
        var pending = false;
        var lineCount = _random.Next(0, 25);
        var errorAt = withError ? _random.Next(lineCount + 1) : -1;
        for (var i = 0; i <= lineCount; i++)
        {
            if (i == errorAt)
            {
                lines.Add(Pick(Errors));
                pending = false;
                continue;
            }

            if (i == lineCount)
            {
                break;
            }

            var roll = _random.NextDouble();
            if (roll < 0.15)
            {
                lines.Add("[" + Pick(SectionNames) + "]" + (_random.NextDouble() < 0.2 ? "  " : string.Empty));
                pending = false;
            }
            else if (roll < 0.6)
            {
                lines.Add(Assignment());
                pending = true;
            }
            else if (roll < 0.72 && pending)
            {
                lines.Add((_random.NextDouble() < 0.5 ? "  " : "\t") + (_random.NextDouble() < 0.2 ? "# joined" : Pick(Words) + "x"));
            }
            else if (roll < 0.8)
            {
                lines.Add((_random.NextDouble() < 0.5 ? "#" : ";") + " comment " + Pick(Words));
                pending = false;
            }
            else
            {
                lines.Add(Pick(Blanks));
                pending = false;
            }
        }

        var newline = _random.NextDouble() switch
        {
            < 0.7 => "\n",
            < 0.85 => "\r\n",
            < 0.92 => "\r",
            _ => null,
        };
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            sb.Append(lines[i]);
            if (i < lines.Count - 1 || _random.NextDouble() < 0.85)
            {
                sb.Append(newline ?? Pick(["\n", "\r\n", "\r"]));
            }
        }

        return sb.ToString();
    }

    private string Assignment()
    {
        var key = Pick(Keys);
        if (_random.NextDouble() < 0.05)
        {
            key = "\u00a0" + key;
        }

        var separator = _random.NextDouble() switch
        {
            < 0.45 => " = ",
            < 0.6 => "=",
            < 0.75 => ": ",
            < 0.85 => " =",
            < 0.92 => " :\t",
            _ => "  =  ",
        };
        var value = _random.NextDouble() switch
        {
            < 0.55 => Pick(Words),
            < 0.7 => Pick(Quoted),
            < 0.8 => Pick(Words) + " " + Pick(Words),
            < 0.9 => Pick(Words) + (_random.NextDouble() < 0.5 ? "   " : "\u00a0\f"),
            _ => string.Empty,
        };
        return key + separator + value;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
