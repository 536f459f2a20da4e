using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Kolla.Configuration;

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
    /// <summary>Serializes a plain value (see <see cref="InventoryVarsLayers"/> for the types).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON text, without a trailing newline.</returns>
    /// <exception cref="ArgumentException">The value holds a type JSON cannot represent.</exception>
    public static string Serialize(object? value) => Serialize(value, indent: 4, sortKeys: true, ensureAscii: false, fallback: null);

    /// <summary>
    /// Python's <c>json.dumps(value, indent=I, sort_keys=S, ensure_ascii=A)</c>; Ansible's <c>to_json</c> and
    /// <c>to_nice_json</c> filters call it this way.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="indent">Null for one line (<c>", "</c> between items), else newlines and this many spaces a level.</param>
    /// <param name="sortKeys">Sort mapping keys by code point; otherwise keep their order.</param>
    /// <param name="ensureAscii">Escape every non-ASCII UTF-16 unit as <c>\uXXXX</c>.</param>
    /// <param name="fallback">Turns a value of any other type into one JSON can write; null throws for such values.</param>
    internal static string Serialize(object? value, int? indent, bool sortKeys, bool ensureAscii, Func<object, object?>? fallback)
    {
        var sb = new StringBuilder();
        new Writer(sb, indent, sortKeys, ensureAscii, fallback).Write(value, 0);
        return sb.ToString();
    }

    /// <summary>Orders strings as Python sorts them: by Unicode code point.</summary>
    public static IComparer<string> KeyOrder { get; } = Comparer<string>.Create(
        (a, b) => a is null || b is null ? (a is null ? (b is null ? 0 : -1) : 1) : PyText.CompareCodePoints(a, b));

    /// <summary>The text Python's json writes for a mapping key, or null for a key it refuses (lists, dicts, tuples).</summary>
    internal static string? KeyText(object? key) => key switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        null => "null",
        long l => l.ToString(CultureInfo.InvariantCulture),
        BigInteger b => b.ToString(CultureInfo.InvariantCulture),
        double d => PyFloat.Repr(d),
        _ => null,
    };

    private static string FloatText(double d) => d switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => PyFloat.Repr(d),
    };

    private sealed class Writer(StringBuilder sb, int? indent, bool sortKeys, bool ensureAscii, Func<object, object?>? fallback)
    {
        public void Write(object? value, int level)
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
                    WriteString(s);
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
                    WriteObject(dict.Select(kv => (kv.Key, kv.Value)), level);
                    break;
                case IReadOnlyDictionary<string, object?> dict:
                    WriteObject(dict.Select(kv => (kv.Key, kv.Value)), level);
                    break;
                case IDictionary dict:
                    WriteObject(dict.Keys.Cast<object?>().Select(k => (KeyText(k) ?? Convert.ToString(k, CultureInfo.InvariantCulture) ?? "null", dict[k!])), level);
                    break;
                case IEnumerable list:
                    WriteContainer('[', ']', list.Cast<object?>().ToList(), level, item => Write(item, level + 1));
                    break;
                case not null when fallback is not null:
                    Write(fallback(value), level);
                    break;
                default:
                    throw new ArgumentException($"Object of type {value.GetType().Name} is not JSON serializable", nameof(value));
            }
        }

        private void WriteObject(IEnumerable<(string Key, object? Value)> entries, int level)
        {
            var items = sortKeys ? entries.OrderBy(e => e.Key, KeyOrder).ToList() : entries.ToList();
            WriteContainer('{', '}', items, level, item =>
            {
                WriteString(item.Key);
                sb.Append(": ");
                Write(item.Value, level + 1);
            });
        }

        private void WriteContainer<T>(char open, char close, List<T> items, int level, Action<T> write)
        {
            sb.Append(open);
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(indent is null ? ", " : ",");
                }

                if (indent is { } step)
                {
                    sb.Append('\n').Append(' ', step * (level + 1));
                }

                write(items[i]);
            }

            if (indent is { } last && items.Count > 0)
            {
                sb.Append('\n').Append(' ', last * level);
            }

            sb.Append(close);
        }

        private void WriteString(string s)
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
                    case > '~' when ensureAscii:
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
}
