using System.Buffers;

namespace Kolla.Compat;

/// <summary>
/// The characters PyYAML's reader (and libyaml's) refuse anywhere in a stream, comments included: the C0 controls
/// other than tab, line feed and carriage return, DEL, the C1 controls other than NEL (U+0085), U+FFFE, U+FFFF and
/// unpaired surrogates. YamlDotNet reads a NUL as the end of the stream and keeps the others, so Kolla checks first.
/// </summary>
internal static class YamlCharacters
{
    private static readonly SearchValues<char> Refused = SearchValues.Create(RefusedCharacters());

    /// <summary>Finds the first character PyYAML refuses.</summary>
    /// <param name="text">The whole stream.</param>
    /// <returns>Null when every character is acceptable.</returns>
    public static Finding? FindUnacceptable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var offset = 0;
        while (true)
        {
            var found = text.AsSpan(offset).IndexOfAny(Refused);
            if (found < 0)
            {
                return null;
            }

            var index = offset + found;
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                offset = index + 2;
                continue;
            }

            return Locate(text, index);
        }
    }

    // Lines and columns as PyYAML's reader counts them: code points; \n, \r\n, \r, U+0085, U+2028 and U+2029 end a line.
    private static Finding Locate(string text, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < index; i++)
        {
            var c = text[i];
            if (c is '\n' or '\x85' or '\u2028' or '\u2029' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                column = 1;
            }
            else if (c != '\uFEFF' && !char.IsLowSurrogate(c))
            {
                column++;
            }
        }

        return new Finding(text[index], line, column);
    }

    private static string RefusedCharacters()
    {
        var refused = new List<char>();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var accepted = c is '\t' or '\n' or '\r' or (>= 0x20 and <= 0x7E) or 0x85 or (>= 0xA0 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD);
            if (!accepted)
            {
                refused.Add((char)c);
            }
        }

        return new string([.. refused]);
    }

    /// <summary>A refused character and where it is.</summary>
    /// <param name="Character">The character (a lone surrogate for a broken pair).</param>
    /// <param name="Line">1-based line.</param>
    /// <param name="Column">1-based column, in code points.</param>
    public sealed record Finding(char Character, int Line, int Column)
    {
        /// <summary>PyYAML's wording, with the column.</summary>
        public string Describe() => $"unacceptable character #x{(int)Character:x4} at column {Column}: special characters are not allowed";
    }
}
