using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kolla.Serialization;

/// <summary>
/// JSON for plain value graphs (strings, booleans, numbers, dictionaries with string keys, sequences and null) written
/// with <see cref="Utf8JsonWriter"/>, so no reflection is involved and the output is what <see cref="JsonSerializer"/>
/// writes for the same values: one line, the default (HTML-safe) escaping unless relaxed. Used for the CLI's
/// <c>--json</c> events and summaries; anything that is not a plain value is a programming error and throws.
/// </summary>
public static class PlainJson
{
    /// <summary>One line of JSON for <paramref name="value"/>.</summary>
    /// <param name="value">A plain value graph.</param>
    /// <param name="relaxedEscaping">Leave non-ASCII and HTML-sensitive characters unescaped (still valid JSON).</param>
    public static string Serialize(object? value, bool relaxedEscaping = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Encoder = relaxedEscaping ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default,
        }))
        {
            Write(writer, value, depth: 0);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > 64)
        {
            throw new InvalidOperationException("PlainJson: the value graph is nested more than 64 levels deep (a cycle?).");
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong big:
                writer.WriteNumberValue(big);
                break;
            case double real:
                writer.WriteNumberValue(real);
                break;
            case float single:
                writer.WriteNumberValue(single);
                break;
            case decimal exact:
                writer.WriteNumberValue(exact);
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(entry.Key as string
                        ?? throw new InvalidOperationException($"PlainJson: dictionary key of type {entry.Key.GetType().Name} is not a string."));
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                writer.WriteStartObject();
                foreach (var (key, item) in pairs)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"PlainJson: a value of type {value.GetType().Name} is not a plain value.");
        }
    }
}
