using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Kolla.Compat;

/// <summary>
/// Python's <c>str()</c> and <c>repr()</c> for the plain values Kolla handles (floats included), so rendered output and
/// dictionary keys read exactly as kolla-ansible (Python) would write them.
/// </summary>
internal static partial class PyText
{
    /// <summary>Python <c>str(value)</c>.</summary>
    public static string Str(object? value) => value switch
    {
        null => "None",
        string s => s,
        bool b => b ? "True" : "False",
        double d => FloatRepr(d),
        float f => FloatRepr(f),
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

        return FloatRepr((double)m);
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
                AppendJoined(sb, '{', '}', map, kv => AppendPair(sb, kv.Key, kv.Value));
                break;
            case IDictionary dict:
                AppendJoined(sb, '{', '}', Entries(dict), entry => AppendPair(sb, entry.Key, entry.Value));
                break;
            case IEnumerable list and not string:
                AppendJoined(sb, '[', ']', list.Cast<object?>(), item => AppendRepr(sb, item));
                break;
            case null or bool or IFormattable:
                sb.Append(Str(value));
                break;
            default:
                sb.Append(value.ToString());
                break;
        }
    }

    private static void AppendStringRepr(StringBuilder sb, string s) => sb.Append(StringRepr(s));

    private static void AppendPair(StringBuilder sb, object? key, object? value)
    {
        AppendRepr(sb, key);
        sb.Append(": ");
        AppendRepr(sb, value);
    }

    private static void AppendJoined<T>(StringBuilder sb, char open, char close, IEnumerable<T> items, Action<T> append)
    {
        sb.Append(open);
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            first = false;
            append(item);
        }

        sb.Append(close);
    }

    private static IEnumerable<DictionaryEntry> Entries(IDictionary dict)
    {
        foreach (DictionaryEntry entry in dict)
        {
            yield return entry;
        }
    }

    /// <summary>Python's <c>repr()</c> of a float (<c>nan</c>, <c>inf</c> and <c>-inf</c> for the non-finite ones).</summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var negative = double.IsNegative(value);
        // Shortest round-trip digits and decimal exponent, from .NET's "R" form (which is shortest since .NET Core 3.0).
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var ePos = shortest.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exponent = int.Parse(shortest.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shortest = shortest[..ePos];
        }

        var dot = shortest.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? shortest[..dot] : shortest;
        var fracPart = dot >= 0 ? shortest[(dot + 1)..] : string.Empty;
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;

        // decimalPoint: position of the decimal point relative to the start of 'digits'.
        var decimalPoint = intPart.Length + exponent - leadingZeros;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        var sb = new StringBuilder(32);
        if (negative)
        {
            sb.Append('-');
        }

        var sciExponent = decimalPoint - 1;
        if (sciExponent < -4 || sciExponent >= 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(sciExponent < 0 ? '-' : '+').Append(Math.Abs(sciExponent).ToString("D2", CultureInfo.InvariantCulture));
        }
        else if (decimalPoint <= 0)
        {
            sb.Append("0.").Append('0', -decimalPoint).Append(digits);
        }
        else if (decimalPoint >= digits.Length)
        {
            sb.Append(digits).Append('0', decimalPoint - digits.Length).Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decimalPoint).Append('.').Append(digits, decimalPoint, digits.Length - decimalPoint);
        }

        return sb.ToString();
    }
}
