using System.Globalization;
using System.Text;

namespace Kolla.Configuration;

/// <summary>Python's <c>repr(float)</c> (shortest round-trip digits, Python's switch to exponent form) and PyYAML's float text.</summary>
internal static class PyFloat
{
    /// <summary>PyYAML's representation of a float: <c>.nan</c>, <c>.inf</c>, <c>-.inf</c>, or repr lower-cased with <c>.0</c> forced before an exponent.</summary>
    public static string ToYaml(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        var repr = Repr(value);
        if (!repr.Contains('.', StringComparison.Ordinal) && repr.Contains('e', StringComparison.Ordinal))
        {
            var e = repr.IndexOf('e', StringComparison.Ordinal);
            repr = string.Concat(repr.AsSpan(0, e), ".0", repr.AsSpan(e));
        }

        return repr;
    }

    /// <summary>Python's <c>repr()</c> of a float (<c>nan</c>, <c>inf</c> and <c>-inf</c> for the non-finite ones).</summary>
    public static string Repr(double value)
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
