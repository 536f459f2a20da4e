using System.Buffers;
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
        var sb = new StringBuilder(256);
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
        // What json.dumps escapes: '"', '\\' and control characters; with ensure_ascii also everything beyond '~'.
        private static readonly SearchValues<char> s_escaped = SearchValues.Create(Controls());
        private static readonly SearchValues<char> s_plainAscii = SearchValues.Create(PlainAscii());

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
                    WriteObject(Pairs(pairs), level);
                    break;
                case IDictionary dict:
                    WriteObject(Entries(dict), level);
                    break;
                case IList<object?> list:
                    BeginContainer('[');
                    for (var i = 0; i < list.Count; i++)
                    {
                        Item(i, level);
                        Write(list[i], level + 1);
                    }

                    EndContainer(']', list.Count, level);
                    break;
                case IList<string> strings:
                    BeginContainer('[');
                    for (var i = 0; i < strings.Count; i++)
                    {
                        Item(i, level);
                        WriteString(strings[i]);
                    }

                    EndContainer(']', strings.Count, level);
                    break;
                case IEnumerable list:
                    BeginContainer('[');
                    var count = 0;
                    foreach (var item in list)
                    {
                        Item(count++, level);
                        Write(item, level + 1);
                    }

                    EndContainer(']', count, level);
                    break;
                case not null when options.Fallback is { } fallback:
                    Write(fallback(value), level);
                    break;
                default:
                    throw new InvalidOperationException($"Object of type {value.GetType().Name} is not JSON serializable");
            }
        }

        private static string Controls()
        {
            var chars = new StringBuilder("\"\\");
            for (var c = '\0'; c < ' '; c++)
            {
                chars.Append(c);
            }

            return chars.ToString();
        }

        private static string PlainAscii()
        {
            var chars = new StringBuilder();
            for (var c = ' '; c <= '~'; c++)
            {
                if (c is not ('"' or '\\'))
                {
                    chars.Append(c);
                }
            }

            return chars.ToString();
        }

        private static KeyValuePair<string, object?>[] Pairs(IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            if (pairs is KeyValuePair<string, object?>[] own)
            {
                return own; // only read (sorting makes a new array)
            }

            if (pairs is ICollection<KeyValuePair<string, object?>> collection)
            {
                var array = new KeyValuePair<string, object?>[collection.Count];
                collection.CopyTo(array, 0);
                return array;
            }

            return [.. pairs];
        }

        private static KeyValuePair<string, object?>[] Entries(IDictionary dict)
        {
            var array = new KeyValuePair<string, object?>[dict.Count];
            var i = 0;
            var entries = dict.GetEnumerator();
            while (entries.MoveNext())
            {
                array[i++] = new(KeyText(entries.Key) ?? Convert.ToString(entries.Key, CultureInfo.InvariantCulture) ?? "null", entries.Value);
            }

            return array;
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

        private void WriteObject(KeyValuePair<string, object?>[] entries, int level)
        {
            if (options.SortKeys is { } order && entries.Length > 1)
            {
                // Mostly already in order (the hasher and the fact cache build sorted maps); OrderBy is stable, as Python's sorted().
                if (!IsSorted(entries, order))
                {
                    entries = [.. entries.OrderBy(e => e.Key, order)];
                }
            }

            BeginContainer('{');
            for (var i = 0; i < entries.Length; i++)
            {
                Item(i, level);
                WriteString(entries[i].Key);
                sb.Append(options.KeySeparator);
                Write(entries[i].Value, level + 1);
            }

            EndContainer('}', entries.Length, level);
        }

        private static bool IsSorted(KeyValuePair<string, object?>[] entries, IComparer<string> order)
        {
            for (var i = 1; i < entries.Length; i++)
            {
                if (order.Compare(entries[i - 1].Key, entries[i].Key) > 0)
                {
                    return false;
                }
            }

            return true;
        }

        private void BeginContainer(char open) => sb.Append(open);

        private void Item(int index, int level)
        {
            if (index > 0)
            {
                sb.Append(_itemSeparator);
            }

            if (options.Indent is { } step)
            {
                sb.Append('\n').Append(' ', step * (level + 1));
            }
        }

        private void EndContainer(char close, int count, int level)
        {
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
                // The encoder returns the same instance when nothing needs escaping (most strings): no copy then.
                var escaped = ReferenceEquals(encoder.Encode(s), s) ? s : JsonEncodedText.Encode(s, encoder).ToString();
                sb.Append('"').Append(escaped).Append('"');
                return;
            }

            sb.Append('"');
            var rest = s.AsSpan();
            while (rest.Length > 0)
            {
                var next = options.EnsureAscii ? rest.IndexOfAnyExcept(s_plainAscii) : rest.IndexOfAny(s_escaped);
                if (next < 0)
                {
                    sb.Append(rest);
                    break;
                }

                sb.Append(rest[..next]);
                AppendEscaped(rest[next]);
                rest = rest[(next + 1)..];
            }

            sb.Append('"');
        }

        private void AppendEscaped(char c)
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
                default:
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
