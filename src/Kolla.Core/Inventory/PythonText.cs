using System.Collections;
using System.Globalization;
using System.Numerics;

namespace Kolla.Inventory;

/// <summary>How Python writes numbers and values as text (<c>repr(float)</c>, <c>str(value)</c>).</summary>
internal static class PythonText
{
    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, <c>1e+16</c> / <c>1e-05</c> outside [1e-4, 1e16).</summary>
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

        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? r[..dot] : r;
        var fracPart = dot >= 0 ? r[(dot + 1)..] : string.Empty;
        var digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;

        // value = 0.DIGITS x 10^decpt
        var decpt = intPart.Length + exponent - leadingZeros;
        digits = digits.TrimEnd('0');
        string body;
        if (digits.Length == 0)
        {
            body = "0.0";
        }
        else if (decpt <= -4 || decpt > 16)
        {
            var mantissa = digits.Length > 1 ? $"{digits[0]}.{digits[1..]}" : digits;
            var exp = decpt - 1;
            body = $"{mantissa}e{(exp < 0 ? '-' : '+')}{Math.Abs(exp):00}";
        }
        else if (decpt <= 0)
        {
            body = "0." + new string('0', -decpt) + digits;
        }
        else if (decpt >= digits.Length)
        {
            body = digits + new string('0', decpt - digits.Length) + ".0";
        }
        else
        {
            body = digits[..decpt] + "." + digits[decpt..];
        }

        return negative ? "-" + body : body;
    }

    /// <summary>Python's <c>str()</c> of a plain value, for messages (<c>True</c>, <c>None</c>, <c>[1, 'a']</c>).</summary>
    public static string Str(object? value) => value is string s ? s : Repr(value);

    /// <summary>Python's <c>repr()</c> of a plain value.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        BigInteger b => b.ToString(CultureInfo.InvariantCulture),
        double d => FloatRepr(d),
        IDictionary dict => "{" + string.Join(", ", dict.Keys.Cast<object?>().Select(k => Repr(k) + ": " + Repr(dict[k!]))) + "}",
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Repr)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Python's type name of a plain value, for messages.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        string => "str",
        long or int or BigInteger => "int",
        double => "float",
        IDictionary => "dict",
        IEnumerable => "list",
        _ => value.GetType().Name,
    };
}
