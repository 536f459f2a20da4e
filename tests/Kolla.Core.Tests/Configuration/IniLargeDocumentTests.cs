using System.Globalization;
using System.Text;
using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>
/// The merge's flat key tables and chunked UTF-8 writer on inputs larger than their first buffers: tables that
/// rehash, slots that grow, chunk ends that split a surrogate pair, output that outgrows its ASCII estimate.
/// </summary>
public sealed class IniLargeDocumentTests
{
    /// <summary>
    /// 300 sections stay under the thresholds for parallel work; 3,000 sections (~60,000 assignments, ~1.4 MB of text)
    /// cross all of them: the text sources and the files are scanned in parallel, two halves of the sections are
    /// folded in parallel and the writer fills two halves of the output in parallel.
    /// </summary>
    [Theory]
    [InlineData(300)]
    [InlineData(3_000)]
    public async Task Merge_ThousandsOfKeysOverSixLayers_MatchesTheLayeringModel(int sections)
    {
        var layers = new List<string>();
        var model = new List<(string Section, List<(string Key, List<string> Values)> Keys)>();
        var sectionIndex = new Dictionary<string, int>();
        for (var layer = 0; layer < 6; layer++)
        {
            var text = new StringBuilder();
            var assigned = new Dictionary<(string, string), List<string>>();
            var order = new List<(string, string)>();
            for (var s = layer; s < sections; s += 1 + layer)
            {
                var section = "section_" + s.ToString(CultureInfo.InvariantCulture);
                text.Append('[').Append(section).Append("]\n");
                var keys = s == 7 ? 2000 : 5 + (s % 11);
                for (var k = 0; k < keys; k += 1 + (layer % 3))
                {
                    var key = "key_" + k.ToString(CultureInfo.InvariantCulture);
                    var value = $"v{layer}.{s}.{k}";
                    text.Append(key).Append(" = ").Append(value).Append('\n');
                    var values = Occurrences(assigned, order, section, key);
                    values.Add(value);
                    if (k % 97 == 3)
                    {
                        text.Append(key).Append(" = again").Append('\n');
                        values.Add("again");
                    }
                }

                text.Append('\n');
            }

            layers.Add(text.ToString());
            foreach (var (section, key) in order)
            {
                if (!sectionIndex.TryGetValue(section, out var at))
                {
                    sectionIndex.Add(section, at = model.Count);
                    model.Add((section, []));
                }

                var entry = model[at];
                var index = entry.Keys.FindIndex(k => k.Key == key);
                if (index < 0)
                {
                    entry.Keys.Add((key, assigned[(section, key)]));
                }
                else
                {
                    entry.Keys[index] = (key, assigned[(section, key)]);
                }
            }
        }

        var expected = new StringBuilder();
        foreach (var (section, keys) in model)
        {
            expected.Append('[').Append(section).Append("]\n");
            foreach (var (key, values) in keys)
            {
                foreach (var value in values)
                {
                    expected.Append(key).Append(" = ").Append(value).Append('\n');
                }
            }

            expected.Append('\n');
        }

        Ini.Text([.. layers]).Should().Be(expected.ToString());

        var dir = Directory.CreateTempSubdirectory("kolla-ini-large-");
        try
        {
            var paths = new List<string>();
            for (var i = 0; i < layers.Count; i++)
            {
                paths.Add(Path.Combine(dir.FullName, $"{i}.conf"));
                await File.WriteAllTextAsync(paths[^1], layers[i], TestContext.Current.CancellationToken);
            }

            var fromFiles = await IniMerger.MergeFilesAsync(paths, cancellationToken: TestContext.Current.CancellationToken);
            Encoding.UTF8.GetString(fromFiles.ToUtf8()).Should().Be(expected.ToString());
            fromFiles.FindEntry("section_7", "key_1999")!.First.Lines.Should().Equal(model[sectionIndex["section_7"]].Keys.Single(k => k.Key == "key_1999").Values[0]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ToUtf8_SurrogatePairsAcrossTheWritersChunks_EncodesEachPairWhole()
    {
        for (var pad = 16_370; pad < 16_400; pad++)
        {
            var text = "[s]\nk = " + new string('a', pad) + "\U0001F600 \u00e9\u65e5\n    " + new string('b', pad / 3) + "\U0001D11E\n";
            var document = IniDocument.Parse(text);

            document.ToUtf8().Should().Equal(Encoding.UTF8.GetBytes(document.ToText()), $"pad {pad}");
        }
    }

    [Fact]
    public void ToUtf8_LoneSurrogate_WritesTheReplacementCharacterAsEncodingUtf8Does()
    {
        var document = IniDocument.Parse("[s]\nk = a\ud800b\n");

        document.ToUtf8().Should().Equal(Encoding.UTF8.GetBytes("[s]\nk = a\ud800b\n\n"));
    }

    [Fact]
    public void ToUtf8_MostlyNonAsciiOutput_GrowsPastTheCharCountEstimate()
    {
        var value = string.Concat(Enumerable.Repeat("\u65e5\u672c\u8a9e", 20_000));
        var document = IniDocument.Parse("[s]\nk = " + value + "\n");

        document.ToUtf8().Should().Equal(Encoding.UTF8.GetBytes("[s]\nk = " + value + "\n\n"));
    }

    private static List<string> Occurrences(Dictionary<(string, string), List<string>> assigned, List<(string, string)> order, string section, string key)
    {
        if (!assigned.TryGetValue((section, key), out var values))
        {
            assigned.Add((section, key), values = []);
            order.Add((section, key));
        }

        return values;
    }
}
