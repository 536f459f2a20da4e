using System.Text.Json;

namespace Kolla.Facts;

/// <summary>
/// Reads JSON into the plain values facts are made of (ordinal <see cref="OrderedDictionary{TKey, TValue}"/>,
/// <see cref="List{T}"/>, <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, null),
/// as Ansible's JSON decoder does: an object holding <c>__ansible_unsafe</c> stands for its value.
/// </summary>
internal static class FactsJson
{
    /// <summary>Parses <paramref name="json"/>; throws <see cref="JsonException"/> when it is not one valid JSON value.</summary>
    public static object? Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1000, CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read())
        {
            throw new JsonException("the file is empty");
        }

        var value = ReadValue(ref reader);
        _ = reader.Read(); // throws when anything but whitespace follows the value
        return value;
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    map[key] = ReadValue(ref reader);
                }

                return map.TryGetValue("__ansible_unsafe", out var unsafeValue) ? unsafeValue : map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader));
                }

                return list;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? integer : (object)reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException($"unexpected {reader.TokenType}");
        }
    }
}
