using System.Collections;
using System.Globalization;
using System.Text;
using Kolla.Variables;

namespace Kolla.Templates.Jinja;

/// <summary>Python's <c>json.dumps</c> (as Ansible's <c>to_json</c>/<c>to_nice_json</c> call it) for plain values.</summary>
internal static class PythonJson
{
    public static string Dump(object? value, int? indent, bool sortKeys)
    {
        var sb = new StringBuilder();
        Write(sb, value, indent, sortKeys, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int? indent, bool sortKeys, int level)
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
            case double d:
                sb.Append(double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : PythonText.FloatRepr(d));
                break;
            case IFormattable number:
                sb.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IReadOnlyDictionary<string, object?> map:
                var keys = sortKeys ? map.Keys.Order(StringComparer.Ordinal).ToList() : map.Keys.ToList();
                WriteContainer(sb, '{', '}', keys.Count, indent, level, i =>
                {
                    WriteString(sb, keys[i]);
                    sb.Append(": ");
                    Write(sb, map[keys[i]], indent, sortKeys, level + 1);
                });
                break;
            case IVariableScope scope:
                Write(sb, scope.VariableNames.ToDictionary(n => n, n => scope.TryGetVariable(n, out var v) ? v : null), indent, sortKeys, level);
                break;
            case IEnumerable items:
                var list = items.Cast<object?>().ToList();
                WriteContainer(sb, '[', ']', list.Count, indent, level, i => Write(sb, list[i], indent, sortKeys, level + 1));
                break;
            default:
                WriteString(sb, PythonText.Str(value));
                break;
        }
    }

    private static void WriteContainer(StringBuilder sb, char open, char close, int count, int? indent, int level, Action<int> item)
    {
        sb.Append(open);
        if (count == 0)
        {
            sb.Append(close);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(indent is null ? ", " : ",");
            }

            if (indent is not null)
            {
                sb.Append('\n').Append(' ', indent.Value * (level + 1));
            }

            item(i);
        }

        if (indent is not null)
        {
            sb.Append('\n').Append(' ', indent.Value * level);
        }

        sb.Append(close);
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
