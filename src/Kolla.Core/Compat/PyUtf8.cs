using System.Text;

namespace Kolla.Compat;

/// <summary>
/// Python's whitespace and length rules (<see cref="PyText"/>) applied to valid UTF-8 bytes without decoding them:
/// an ASCII byte is its own character, a non-ASCII one is decoded only where the answer depends on it.
/// </summary>
internal static class PyUtf8
{
    /// <summary>True for the ASCII characters Python's <c>str.isspace()</c> accepts.</summary>
    public static bool IsAsciiWhiteSpace(byte b) => b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1c && b <= 0x1f);

    /// <summary>The length of <paramref name="s"/> after Python's <c>str.rstrip()</c>.</summary>
    public static int TrimmedLength(ReadOnlySpan<byte> s)
    {
        var end = s.Length;
        while (end > 0)
        {
            var last = s[end - 1];
            if (last < 0x80)
            {
                if (!IsAsciiWhiteSpace(last))
                {
                    break;
                }

                end--;
                continue;
            }

            if (Rune.DecodeLastFromUtf8(s[..end], out var rune, out var length) != System.Buffers.OperationStatus.Done || !IsWhiteSpace(rune))
            {
                break;
            }

            end -= length;
        }

        return end;
    }

    /// <summary>Number of leading bytes Python's <c>str.lstrip()</c> removes.</summary>
    public static int LeadingWhiteSpace(ReadOnlySpan<byte> s)
    {
        var start = 0;
        while (start < s.Length)
        {
            var first = s[start];
            if (first < 0x80)
            {
                if (!IsAsciiWhiteSpace(first))
                {
                    break;
                }

                start++;
                continue;
            }

            if (Rune.DecodeFromUtf8(s[start..], out var rune, out var length) != System.Buffers.OperationStatus.Done || !IsWhiteSpace(rune))
            {
                break;
            }

            start += length;
        }

        return start;
    }

    /// <summary>Python's <c>len()</c> of the decoded text: the bytes that start a code point.</summary>
    public static int CodePointLength(ReadOnlySpan<byte> s)
    {
        var length = 0;
        foreach (var b in s)
        {
            if ((b & 0xC0) != 0x80)
            {
                length++;
            }
        }

        return length;
    }

    private static bool IsWhiteSpace(Rune rune) => rune.IsBmp && PyText.IsWhiteSpace((char)rune.Value);
}
