using CsCheck;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>Properties of the INI parser and merger over generated inputs (CsCheck, with shrinking).</summary>
public sealed class IniPropertyTests
{
    private static readonly Gen<string> Key = Gen.OneOf("debug", "Debug", "host", "k", "key.with.dots", "名前", "😀k", "a b");

    private static readonly Gen<string> Value = Gen.OneOf(
        "v", "True", "a=b:c", "x # not a comment", "\"quoted\"", "'single'", "\"", "\"a\" \"b\"", string.Empty, "héllo", "v\u00a0", "=x", ":y");

    private static readonly Gen<string> Line = Gen.Frequency(
        (3, Gen.OneOf("[DEFAULT]", "[default]", "[ db ]", "[a]b]", "[名前]", "[s]  ")),
        (8, Gen.Select(Key, Gen.OneOf(" = ", "=", ": ", " :\t", " ="), Value, (k, s, v) => k + s + v)),
        (3, Gen.Select(Gen.OneOf("  ", "\t", " \t"), Gen.OneOf("more", "# joined", "[x]", "k = v"), (i, t) => i + t)),
        (1, Gen.OneOf("# comment", "; comment", "#")),
        (2, Gen.OneOf(string.Empty, " ", "\t", "\f", "\u3000", "\u001c")));

    private static readonly Gen<string> File = Gen.Select(
        Line.Array[0, 20], Gen.OneOf("\n", "\r\n", "\r"), Gen.Bool,
        (lines, newline, final) => string.Join(newline, lines) + (final && lines.Length > 0 ? newline : string.Empty));

    [Fact]
    public void Merge_SameFileTwice_EqualsMergingItOnce()
    {
        File.Sample(text =>
        {
            if (TryMerge([text]) is not { } once)
            {
                return TryMerge([text, text]) is null;
            }

            var twice = TryMerge([text, text]);
            return twice is not null && twice.ContentEquals(once) && twice.ToText() == once.ToText() && twice.ToText(false) == once.ToText(false);
        });
    }

    [Fact]
    public void Merge_Output_ParsesBackToTheSameDocument()
    {
        // Two things in kolla's own format do not survive a round trip, by design of merge_configs: values whose
        // first line is wrapped in matching quotes (the quotes are stripped again on re-reading) and an orphan
        // section that is not the first section (its header-less keys then join the section before them).
        // Those documents are excluded here and pinned by IniRoundTripLimitsTests.
        Gen.Select(File, File, Gen.Bool).Sample((a, b, whitespace) =>
        {
            if (TryMerge([a, b]) is not { } merged || !RoundTrips(merged))
            {
                return true;
            }

            var reparsed = IniDocument.Parse(merged.ToText(whitespace));
            return reparsed.ContentEquals(merged) && reparsed.ToText(whitespace) == merged.ToText(whitespace);
        });
    }

    [Fact]
    public void Parse_ArbitraryText_ThrowsOnlyConfigMergeException()
    {
        var chars = Gen.Char["[]=:#; \t\r\n\"'abck=\u00a0\u001c\u2028\ufeff😀é"];
        chars.Array[0, 200].Select(a => new string(a)).Sample(text =>
        {
            try
            {
                _ = IniDocument.Parse(text).ToText();
            }
            catch (ConfigMergeException)
            {
            }
        }, iter: 5000);
    }

    internal static bool RoundTrips(IniDocument document)
    {
        if (document.OrphanSection is { } orphan && !ReferenceEquals(document.Sections[0], orphan))
        {
            return false;
        }

        foreach (var entry in document.Sections.SelectMany(s => s.Entries))
        {
            foreach (var value in entry.Values)
            {
                if (value.LineCount > 0 && value.GetLine(0) is [var first, .., var last] && first is '"' or '\'' && last == first)
                {
                    return false;
                }

                if (value.LineCount > 0 && value.GetLine(0) is ['"' or '\''])
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IniDocument? TryMerge(string[] texts)
    {
        try
        {
            return IniMerger.Merge(texts.Select((t, i) => ConfigSource.FromText($"{i}.conf", t)));
        }
        catch (ConfigMergeException)
        {
            return null;
        }
    }
}
