using System.Globalization;
using System.Text;

namespace Kolla.Facts;

/// <summary>IPv6 addresses written as glibc's <c>inet_ntop</c> (and so <c>ip</c>) writes them.</summary>
/// <remarks>
/// Lower-case hex without leading zeros, the first longest run of two or more zero groups as <c>::</c>, and the
/// last 32 bits in dotted form for IPv4-compatible (<c>::a.b.c.d</c>) and IPv4-mapped (<c>::ffff:a.b.c.d</c>) addresses.
/// </remarks>
internal static class Ipv6Text
{
    /// <summary>Formats 16 bytes.</summary>
    public static string Format(ReadOnlySpan<byte> bytes)
    {
        Span<int> words = stackalloc int[8];
        for (var i = 0; i < 8; i++)
        {
            words[i] = (bytes[2 * i] << 8) | bytes[(2 * i) + 1];
        }

        int bestBase = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            if (words[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && words[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                (bestBase, bestLength) = (start, i - start);
            }
        }

        if (bestLength < 2)
        {
            bestBase = -1;
        }

        var text = new StringBuilder(39);
        for (var i = 0; i < 8; i++)
        {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength)
            {
                if (i == bestBase)
                {
                    text.Append(':');
                }

                continue;
            }

            if (i != 0)
            {
                text.Append(':');
            }

            if (i == 6 && bestBase == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff)))
            {
                text.Append(CultureInfo.InvariantCulture, $"{bytes[12]}.{bytes[13]}.{bytes[14]}.{bytes[15]}");
                return text.ToString();
            }

            text.Append(words[i].ToString("x", CultureInfo.InvariantCulture));
        }

        if (bestBase >= 0 && bestBase + bestLength == 8)
        {
            text.Append(':');
        }

        return text.ToString();
    }
}
