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
    [Fact]
    public void Merge_ThousandsOfKeysOverSixLayers_MatchesTheLayeringModel()
    {
        var layers = new List<string>();
        var model = new List<(string Section, List<(string Key, List<string> Values)> Keys)>();
        for (var layer = 0; layer < 6; layer++)
        {
            var text = new StringBuilder();
            var assigned = new Dictionary<(string, string), List<string>>();
            for (var s = layer; s < 300; s += 1 + layer)
            {
                var section = "section_" + s.ToString(CultureInfo.InvariantCulture);
                text.Append('[').Append(section).Append("]\n");
                var keys = s == 7 ? 2000 : 5 + (s % 11);
                for (var k = 0; k < keys; k += 1 + (layer % 3))
                {
                    var key = "key_" + k.ToString(CultureInfo.InvariantCulture);
                    var value = $"v{layer}.{s}.{k}";
                    text.Append(key).Append(" = ").Append(value).Append('\n');
                    var values = Occurrences(assigned, section, key);
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
            foreach (var ((section, key), values) in assigned)
            {
                var entry = model.Find(m => m.Section == section);
                if (entry.Keys is null)
                {
                    entry = (section, []);
                    model.Add(entry);
                }

                var index = entry.Keys.FindIndex(k => k.Key == key);
                if (index < 0)
                {
                    entry.Keys.Add((key, values));
                }
                else
                {
                    entry.Keys[index] = (key, values);
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

    private static List<string> Occurrences(Dictionary<(string, string), List<string>> assigned, string section, string key)
    {
        if (!assigned.TryGetValue((section, key), out var values))
        {
            assigned.Add((section, key), values = []);
        }

        return values;
    }
}
