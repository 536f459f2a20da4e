using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Kolla.Inventory;

/// <summary>
/// Writes plain values as JSON exactly as ansible-inventory prints them: Python's
/// <c>json.dumps(value, sort_keys=True, indent=4, ensure_ascii=False)</c>.
/// </summary>
/// <remarks>
/// Keys sorted by code point, four-space indentation, <c>", "</c>-free separators (<c>,</c> at line
/// ends, <c>": "</c> between key and value), <c>[]</c>/<c>{}</c> for empty containers, floats as Python's
/// <c>repr</c> (<c>1.0</c>, <c>1e+16</c>, <c>Infinity</c>, <c>NaN</c>), non-ASCII text unescaped and
/// control characters escaped as <c>\n</c>, <c>\t</c>, <c>\u001b</c>.
/// </remarks>
public static class AnsibleJson
{
    /// <summary>Serializes a plain value (see <see cref="VariableLayers"/> for the types).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text, without a trailing newline.</returns>
    /// <exception cref="ArgumentException">The value holds a type JSON cannot represent.</exception>
    public static string Serialize(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    /// <summary>Orders strings as Python sorts them: by Unicode code point.</summary>
    public static IComparer<string> KeyOrder { get; } = Comparer<string>.Create(CompareCodePoints);

    private static int CompareCodePoints(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            var ca = CodePointAt(a, i, out var la);
            var cb = CodePointAt(b, j, out var lb);
            if (ca != cb)
            {
                return ca.CompareTo(cb);
            }

            i += la;
            j += lb;
        }

        return (a.Length - i).CompareTo(b.Length - j);
    }

    private static int CodePointAt(string s, int index, out int length)
    {
        if (char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            length = 2;
            return char.ConvertToUtf32(s[index], s[index + 1]);
        }

        length = 1;
        return s[index];
    }

    private static void Write(StringBuilder sb, object? value, int level)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case long or int or short or byte or sbyte or ushort or uint or ulong or BigInteger:
                sb.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case double d:
                sb.Append(FloatText(d));
                break;
            case float f:
                sb.Append(FloatText(f));
                break;
            case decimal m:
                sb.Append(FloatText((double)m));
                break;
            case IDictionary<string, object?> dict:
                WriteObject(sb, dict.Select(kv => (kv.Key, kv.Value)), level);
                break;
            case IReadOnlyDictionary<string, object?> dict:
                WriteObject(sb, dict.Select(kv => (kv.Key, kv.Value)), level);
                break;
            case IDictionary dict:
                WriteObject(sb, dict.Keys.Cast<object?>().Select(k => (Convert.ToString(k, CultureInfo.InvariantCulture) ?? "null", dict[k!])), level);
                break;
            case IEnumerable list:
                WriteArray(sb, list.Cast<object?>().ToList(), level);
                break;
            default:
                throw new ArgumentException($"Object of type {value.GetType().Name} is not JSON serializable", nameof(value));
        }
    }

    private static string FloatText(double d) => d switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => PythonText.FloatRepr(d),
    };

    private static void WriteObject(StringBuilder sb, IEnumerable<(string Key, object? Value)> entries, int level)
    {
        var items = entries.OrderBy(e => e.Key, KeyOrder).ToList();
        if (items.Count == 0)
        {
            sb.Append("{}");
            return;
        }

        sb.Append('{');
        for (var i = 0; i < items.Count; i++)
        {
            sb.Append(i == 0 ? "\n" : ",\n").Append(' ', (level + 1) * 4);
            WriteString(sb, items[i].Key);
            sb.Append(": ");
            Write(sb, items[i].Value, level + 1);
        }

        sb.Append('\n').Append(' ', level * 4).Append('}');
    }

    private static void WriteArray(StringBuilder sb, List<object?> items, int level)
    {
        if (items.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        sb.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            sb.Append(i == 0 ? "\n" : ",\n").Append(' ', (level + 1) * 4);
            Write(sb, items[i], level + 1);
        }

        sb.Append('\n').Append(' ', level * 4).Append(']');
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                case < ' ':
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        sb.Append('"');
    }
}
