using System.Globalization;
using System.Text;

namespace Kolla.Compat;

/// <summary>Python's rules for text itself: whitespace, code points, ordering, a string's <c>repr()</c>.</summary>
internal static partial class PyText
{
    /// <summary>True for the characters Python's <c>str.isspace()</c> accepts (differs from .NET: U+001C..U+001F are included).</summary>
    public static bool IsWhiteSpace(char c)
    {
        if (c <= ' ')
        {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001c' && c <= '\u001f');
        }

        if (c < '\u0085')
        {
            return false;
        }

        return c switch
        {
            '\u0085' or '\u00a0' or '\u1680' or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
            >= '\u2000' and <= '\u200a' => true,
            _ => false,
        };
    }

    /// <summary>Python's <c>str.rstrip()</c>.</summary>
    public static ReadOnlySpan<char> TrimEnd(ReadOnlySpan<char> s)
    {
        var end = s.Length;
        while (end > 0 && IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return s[..end];
    }

    /// <summary>Number of leading characters Python's <c>str.lstrip()</c> removes.</summary>
    public static int LeadingWhiteSpace(ReadOnlySpan<char> s)
    {
        var start = 0;
        while (start < s.Length && IsWhiteSpace(s[start]))
        {
            start++;
        }

        return start;
    }

    /// <summary>Python's <c>len()</c>: code points, where .NET's Length counts UTF-16 units.</summary>
    public static int CodePointLength(ReadOnlySpan<char> s)
    {
        var length = s.Length;
        for (var i = 0; i < s.Length - 1; i++)
        {
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }

    /// <summary>The text as a list of code points (a lone surrogate counts as one).</summary>
    public static int[] CodePoints(string s)
    {
        var result = new int[CodePointLength(s)];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                result[n++] = char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }
            else
            {
                result[n++] = c;
            }
        }

        return result;
    }

    /// <summary>Compares two strings by code point, as Python orders <c>str</c> values.</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Length && j < b.Length)
        {
            var x = Next(a, ref i);
            var y = Next(b, ref j);
            if (x != y)
            {
                return x < y ? -1 : 1;
            }
        }

        return (a.Length - i).CompareTo(b.Length - j) switch
        {
            < 0 => -1,
            > 0 => 1,
            _ => 0,
        };

        static int Next(string s, ref int index)
        {
            var c = s[index++];
            if (char.IsHighSurrogate(c) && index < s.Length && char.IsLowSurrogate(s[index]))
            {
                return char.ConvertToUtf32(c, s[index++]);
            }

            return c;
        }
    }

    /// <summary>A string's quoted form, close to Python's <c>repr()</c> (its quote choice, escapes for what it cannot print).</summary>
    public static string StringRepr(ReadOnlySpan<char> s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        foreach (var c in s)
        {
            if (c switch { '\\' => @"\\", '\t' => @"\t", '\n' => @"\n", '\r' => @"\r", _ => null } is { } escape)
            {
                sb.Append(escape);
            }
            else if (c == quote)
            {
                sb.Append('\\').Append(c);
            }
            else if (IsPrintable(c))
            {
                sb.Append(c);
            }
            else if (c <= '\u00ff')
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return sb.Append(quote).ToString();
    }

    private static bool IsPrintable(char c)
    {
        if (c == ' ')
        {
            return true;
        }

        return char.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse => false,
            _ => true,
        };
    }
}
