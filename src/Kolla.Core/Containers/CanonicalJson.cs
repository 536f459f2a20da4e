using System.Globalization;
using System.Text;

namespace Kolla.Containers;

/// <summary>
/// Writes a tree of strings, integers, booleans, lists and string-keyed maps as canonical JSON: object keys sorted
/// ordinally, no whitespace, integers in invariant digits, strings with only <c>"</c>, <c>\</c> and control characters
/// escaped (RFC 8785 style), everything else as raw UTF-8. Stable across runs, processes, machines and .NET versions,
/// unlike encoder-dependent serializers.
/// </summary>
internal static class CanonicalJson
{
    public static string Write(object? value)
    {
        var builder = new StringBuilder(512);
        WriteValue(builder, value);
        return builder.ToString();
    }

    private static void WriteValue(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case string s:
                WriteString(builder, s);
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case int i:
                builder.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case long l:
                builder.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, key);
                    builder.Append(':');
                    WriteValue(builder, item);
                }

                builder.Append('}');
                break;
            case System.Collections.IEnumerable list:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        builder.Append(',');
                    }

                    firstItem = false;
                    WriteValue(builder, item);
                }

                builder.Append(']');
                break;
            default:
                throw new ArgumentException($"Unsupported canonical JSON value type {value.GetType()}.", nameof(value));
        }
    }

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
