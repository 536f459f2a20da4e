using System.Globalization;
using Kolla.Configuration;

namespace Kolla.Variables.Yaml;

/// <summary>
/// Turns a plain YAML scalar into the value Ansible (PyYAML, YAML 1.1 core schema) would load:
/// null, bool, integer, float or string.
/// </summary>
/// <remarks>
/// Which type a plain scalar has is <see cref="YamlTags.ResolvePlain"/>, shared with the merge_yaml and inventory
/// loaders. The values built differ on purpose: here integers are <see cref="long"/> and timestamps stay text
/// (plain values for templates), where merge_yaml keeps Python's big ints and date objects for a byte-exact dump.
/// </remarks>
internal static class YamlScalarResolver
{
    /// <summary>Resolves a plain (unquoted, untagged) scalar.</summary>
    public static object? ResolvePlain(string text) => YamlTags.ResolvePlain(text) switch
    {
        YamlTags.Null => null,
        YamlTags.Bool => text[0] is 'y' or 'Y' or 't' or 'T' || text.Equals("on", StringComparison.OrdinalIgnoreCase),
        YamlTags.Int when TryParseInt(text, out var integer) => integer,
        YamlTags.Float => ParseFloat(text),

        // Timestamps, merge/value markers and ints beyond 64 bits stay text.
        _ => text,
    };

    /// <summary>Resolves a scalar carrying an explicit standard tag (<c>!!int</c>, <c>!!bool</c>, ...).</summary>
    public static bool TryResolveTagged(string tag, string text, out object? value)
    {
        value = null;
        switch (tag)
        {
            case "tag:yaml.org,2002:str":
                value = text;
                return true;
            case "tag:yaml.org,2002:null":
                return true;
            case "tag:yaml.org,2002:bool":
                if (YamlTags.ResolvePlain(text) == YamlTags.Bool)
                {
                    value = ResolvePlain(text);
                    return true;
                }

                return false;
            case "tag:yaml.org,2002:int":
                if (TryParseInt(text, out var integer))
                {
                    value = integer;
                    return true;
                }

                return false;
            case "tag:yaml.org,2002:float":
                if (YamlTags.ResolvePlain(text) is YamlTags.Float or YamlTags.Int)
                {
                    value = ParseFloat(text);
                    return true;
                }

                return false;
            default:
                // Ansible's !unsafe and any other local tag: keep the text.
                value = text;
                return true;
        }
    }

    private static bool TryParseInt(string text, out long value)
    {
        try
        {
            return TryParseIntUnchecked(text, out value);
        }
        catch (OverflowException)
        {
            value = 0;
            return false;
        }
    }

    private static bool TryParseIntUnchecked(string text, out long value)
    {
        value = 0;
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        bool ok;
        if (s.StartsWith("0b", StringComparison.Ordinal))
        {
            ok = TryParseBase(s[2..], 2, out value);
        }
        else if (s.StartsWith("0x", StringComparison.Ordinal))
        {
            ok = long.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (s.Contains(':', StringComparison.Ordinal))
        {
            ok = true;
            value = 0;
            foreach (var part in s.Split(':'))
            {
                value = checked((value * 60) + long.Parse(part, CultureInfo.InvariantCulture));
            }
        }
        else if (s.Length > 1 && s[0] == '0')
        {
            ok = TryParseBase(s[1..], 8, out value);
        }
        else
        {
            ok = long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (negative)
        {
            value = -value;
        }

        return ok;
    }

    private static bool TryParseBase(string digits, int radix, out long value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var d = c - '0';
            if (d < 0 || d >= radix)
            {
                return false;
            }

            value = checked((value * radix) + d);
        }

        return true;
    }

    private static double ParseFloat(string text)
    {
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (s.EndsWith(".inf", StringComparison.Ordinal))
        {
            return s.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity;
        }

        if (s == ".nan")
        {
            return double.NaN;
        }

        if (s.Contains(':', StringComparison.Ordinal))
        {
            var sign = 1.0;
            if (s[0] is '-' or '+')
            {
                sign = s[0] == '-' ? -1 : 1;
                s = s[1..];
            }

            var result = 0.0;
            foreach (var part in s.Split(':'))
            {
                result = (result * 60) + double.Parse(part, CultureInfo.InvariantCulture);
            }

            return sign * result;
        }

        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
