using System.Collections;
using System.Globalization;
using System.Text;

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

    /// <summary>Python's shortest round-trip <c>repr(float)</c>.</summary>
    public static string FloatRepr(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        if (d == 0)
        {
            return double.IsNegative(d) ? "-0.0" : "0.0";
        }

        var (negative, digits, pointPosition) = ShortestDigits(d);
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        if (pointPosition is > -4 and <= 16)
        {
            if (pointPosition <= 0)
            {
                sb.Append("0.").Append('0', -pointPosition).Append(digits);
            }
            else if (pointPosition >= digits.Length)
            {
                sb.Append(digits).Append('0', pointPosition - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var exponent = pointPosition - 1;
            sb.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }

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

    private static (bool Negative, string Digits, int PointPosition) ShortestDigits(double d)
    {
        // "R" yields the shortest string that round-trips; normalise it into digits and a point position.
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? text[..dot] : text;
        var fracPart = dot >= 0 ? text[(dot + 1)..] : string.Empty;
        var digits = intPart + fracPart;
        var point = intPart.Length + exponent;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..];
        point -= leading;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        return (negative, digits, point);
    }

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
            default:
                sb.Append(Str(value));
                break;
        }
    }

    private static void AppendStringRepr(StringBuilder sb, string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        sb.Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\':
                    sb.Append(@"\\");
                    break;
                case '\n':
                    sb.Append(@"\n");
                    break;
                case '\r':
                    sb.Append(@"\r");
                    break;
                case '\t':
                    sb.Append(@"\t");
                    break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append(@"\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append(quote);
    }
}
