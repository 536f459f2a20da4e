using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using Kolla.Configuration;

namespace Kolla.Variables;

/// <summary>
/// Python's <c>str()</c> and <c>repr()</c> for the plain values Kolla handles, so rendered output and
/// dictionary keys read exactly as kolla-ansible (Python) would write them.
/// </summary>
internal static class PythonText
{
    /// <summary>Python <c>str(value)</c>.</summary>
    public static string Str(object? value) => value switch
    {
        null => "None",
        string s => s,
        bool b => b ? "True" : "False",
        double d => PyFloat.Repr(d),
        float f => PyFloat.Repr(f),
        decimal m => DecimalRepr(m),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Repr(value),
    };

    /// <summary>Python <c>repr(value)</c> (lists and mappings show their items' reprs).</summary>
    public static string Repr(object? value)
    {
        var sb = new StringBuilder();
        AppendRepr(sb, value);
        return sb.ToString();
    }

    private static string DecimalRepr(decimal m)
    {
        // Template arithmetic works in decimal; integral values print as integers, others like floats.
        if (m == decimal.Truncate(m) && m.Scale == 0)
        {
            return m.ToString(CultureInfo.InvariantCulture);
        }

        return PyFloat.Repr((double)m);
    }

    /// <summary>Python's type name of a plain value, for messages (<c>str</c>, <c>int</c>, <c>dict</c>, ...).</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        string => "str",
        long or int or BigInteger => "int",
        double => "float",
        IDictionary or IReadOnlyDictionary<string, object?> => "dict",
        IEnumerable => "list",
        _ => value.GetType().Name,
    };

    private static void AppendRepr(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case string s:
                AppendStringRepr(sb, s);
                break;
            case IReadOnlyDictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in map)
                {
                    if (!first)
                    {
                        sb.Append(", ");
                    }

                    first = false;
                    AppendStringRepr(sb, k);
                    sb.Append(": ");
                    AppendRepr(sb, v);
                }

                sb.Append('}');
                break;
            case IDictionary dict:
                sb.Append('{');
                var firstEntry = true;
                foreach (DictionaryEntry entry in dict)
                {
                    if (!firstEntry)
                    {
                        sb.Append(", ");
                    }

                    firstEntry = false;
                    AppendRepr(sb, entry.Key);
                    sb.Append(": ");
                    AppendRepr(sb, entry.Value);
                }

                sb.Append('}');
                break;
            case IEnumerable list and not string:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        sb.Append(", ");
                    }

                    firstItem = false;
                    AppendRepr(sb, item);
                }

                sb.Append(']');
                break;
            case null or bool or IFormattable:
                sb.Append(Str(value));
                break;
            default:
                sb.Append(value.ToString());
                break;
        }
    }

    private static void AppendStringRepr(StringBuilder sb, string s) => sb.Append(PyText.Repr(s));
}
