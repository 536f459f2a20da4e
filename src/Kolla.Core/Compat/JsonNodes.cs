using System.Text;
using System.Text.Json;

namespace Kolla.Compat;

/// <summary>
/// Python's <c>json.loads</c> into YAML nodes that keep their lines (ansible's DataLoader tries JSON before YAML):
/// ints stay ints, numbers with <c>.</c>, <c>e</c> or <c>E</c> are floats, every scalar carries its explicit tag.
/// </summary>
internal static class JsonNodes
{
    /// <summary>The root node when <paramref name="text"/> is one valid JSON value, else false.</summary>
    public static bool TryParse(string text, out YNode? node)
    {
        node = null;
        var trimmed = text.AsSpan().TrimStart(" \t\r\n");
        if (trimmed.IsEmpty)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = KollaLimits.YamlDepth });
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            node = Read(ref reader, lineStarts);
            return !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            node = null;
            return false;
        }
    }

    private static YNode Read(ref Utf8JsonReader reader, List<int> lineStarts)
    {
        var line = LineOf(lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var entries = new List<KeyValuePair<YNode, YNode>>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var keyLine = LineOf(lineStarts, reader.TokenStartIndex);
                        var key = new YScalar(keyLine, YamlTags.Str, reader.GetString()!, false);
                        reader.Read();
                        entries.Add(new(key, Read(ref reader, lineStarts)));
                    }

                    return new YMapping(line, null, entries);
                }

            case JsonTokenType.StartArray:
                {
                    var items = new List<YNode>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(Read(ref reader, lineStarts));
                    }

                    return new YSequence(line, null, items);
                }

            case JsonTokenType.String:
                return new YScalar(line, YamlTags.Str, reader.GetString()!, false);
            case JsonTokenType.Number:
                {
                    var raw = Encoding.UTF8.GetString(reader.ValueSpan);
                    var isFloat = raw.AsSpan().IndexOfAny(".eE") >= 0;
                    return new YScalar(line, isFloat ? YamlTags.Float : YamlTags.Int, raw, false);
                }

            case JsonTokenType.True:
                return new YScalar(line, YamlTags.Bool, "true", false);
            case JsonTokenType.False:
                return new YScalar(line, YamlTags.Bool, "false", false);
            case JsonTokenType.Null:
                return new YScalar(line, YamlTags.Null, "null", false);
            default:
                throw new JsonException();
        }
    }

    private static int LineOf(List<int> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch((int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
