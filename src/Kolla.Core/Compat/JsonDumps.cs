using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Kolla.Compat;

/// <summary>
/// Writes plain values as JSON exactly as Python's <c>json.dumps</c> does with the given <see cref="JsonDumpsOptions"/>
/// (ansible-inventory, Ansible's <c>to_json</c>, the fact cache, the container spec hash, config.json, the CLI's event lines).
/// </summary>
/// <remarks>
/// Values: null, <see cref="bool"/>, <see cref="string"/>, every integer type and <see cref="BigInteger"/>,
/// <see cref="double"/>, <see cref="float"/>, <see cref="decimal"/>, mappings (<see cref="IEnumerable{T}"/> of
/// string-keyed pairs, or <see cref="IDictionary"/> whose keys become text as Python's json makes them) and any other
/// <see cref="IEnumerable"/> as a list. Empty containers are <c>[]</c>/<c>{}</c>; floats are Python's <c>repr</c>
/// (<c>1.0</c>, <c>1e+16</c>, <c>Infinity</c>, <c>NaN</c>); strings escape <c>"</c>, <c>\</c> and control characters
/// (<c>\n</c>, <c>\t</c>, <c>\u001b</c>), and with <c>ensure_ascii</c> everything beyond <c>~</c>.
/// </remarks>
internal static class JsonDumps
{
    /// <summary>Deeper values are refused (a cycle, most likely; Python's recursion limit stops json.dumps about here).</summary>
    private const int MaxDepth = 1000;

    /// <summary>Serializes <paramref name="value"/>, without a trailing newline.</summary>
    /// <exception cref="InvalidOperationException">The value holds a type JSON cannot represent, or is nested too deeply.</exception>
    public static string Write(object? value, JsonDumpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sb = new StringBuilder();
        new Writer(sb, options).Write(value, 0);
        return sb.ToString();
    }

    /// <summary>The text Python's json writes for a mapping key, or null for a key it refuses (lists, dicts, tuples).</summary>
    public static string? KeyText(object? key) => key switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        null => "null",
        long l => l.ToString(CultureInfo.InvariantCulture),
        BigInteger b => b.ToString(CultureInfo.InvariantCulture),
        double d => PyText.FloatRepr(d),
        _ => null,
    };

    private sealed class Writer(StringBuilder sb, JsonDumpsOptions options)
    {
        private readonly string _itemSeparator = options.ItemSeparator ?? (options.Indent is null ? ", " : ",");

        public void Write(object? value, int level)
        {
            if (level > MaxDepth)
            {
                throw new InvalidOperationException($"the value is nested more than {MaxDepth} levels deep (a cycle?)");
            }

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
                case double or float or decimal when options.Encoder is not null:
                    WriteDotNetNumber((IFormattable)value);
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
                case IEnumerable<KeyValuePair<string, object?>> pairs:
                    WriteObject(pairs.Select(kv => (kv.Key, kv.Value)), level);
                    break;
                case IDictionary dict:
                    WriteObject(Entries(dict), level);
                    break;
                case IEnumerable list:
                    WriteContainer('[', ']', list.Cast<object?>(), level, item => Write(item, level + 1));
                    break;
                case not null when options.Fallback is { } fallback:
                    Write(fallback(value), level);
                    break;
                default:
                    throw new InvalidOperationException($"Object of type {value.GetType().Name} is not JSON serializable");
            }
        }

        private static IEnumerable<(string Key, object? Value)> Entries(IDictionary dict)
        {
            var entries = dict.GetEnumerator();
            while (entries.MoveNext())
            {
                yield return (KeyText(entries.Key) ?? Convert.ToString(entries.Key, CultureInfo.InvariantCulture) ?? "null", entries.Value);
            }
        }

        private static string FloatText(double d) => d switch
        {
            double.NaN => "NaN",
            double.PositiveInfinity => "Infinity",
            double.NegativeInfinity => "-Infinity",
            _ => PyText.FloatRepr(d),
        };

        private void WriteDotNetNumber(IFormattable number)
        {
            if (number is double d && !double.IsFinite(d) || number is float f && !float.IsFinite(f))
            {
                throw new InvalidOperationException($"{number} is not a valid JSON number");
            }

            sb.Append(number.ToString(null, CultureInfo.InvariantCulture));
        }

        private void WriteObject(IEnumerable<(string Key, object? Value)> entries, int level)
        {
            var items = options.SortKeys is { } order ? entries.OrderBy(e => e.Key, order) : entries;
            WriteContainer('{', '}', items, level, item =>
            {
                WriteString(item.Key);
                sb.Append(options.KeySeparator);
                Write(item.Value, level + 1);
            });
        }

        // Streams the items (no list copy): the hasher writes thousands of small containers per plan.
        private void WriteContainer<T>(char open, char close, IEnumerable<T> items, int level, Action<T> write)
        {
            sb.Append(open);
            var count = 0;
            foreach (var item in items)
            {
                if (count++ > 0)
                {
                    sb.Append(_itemSeparator);
                }

                if (options.Indent is { } step)
                {
                    sb.Append('\n').Append(' ', step * (level + 1));
                }

                write(item);
            }

            if (options.Indent is { } last && count > 0)
            {
                sb.Append('\n').Append(' ', last * level);
            }

            sb.Append(close);
        }

        private void WriteString(string s)
        {
            if (options.Encoder is { } encoder)
            {
                sb.Append('"').Append(JsonEncodedText.Encode(s, encoder).ToString()).Append('"');
                return;
            }

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
                    case > '~' when options.EnsureAscii:
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
