using System.Text;

namespace Kolla.Facts;

/// <summary>
/// Splits text into words as Python's <c>shlex.shlex(text, posix=True)</c> with <c>whitespace_split=True</c> does,
/// the way the <c>distro</c> library reads <c>os-release</c>: quotes join, backslashes escape, <c>#</c> starts a comment
/// outside quotes, and an unclosed quote ends at the end of the text.
/// </summary>
internal static class ShellWords
{
    private const string Whitespace = " \t\r\n";

    /// <summary>The words of <paramref name="text"/>.</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (Whitespace.Contains(c, StringComparison.Ordinal))
            {
                Flush();
                i++;
            }
            else if (c == '#')
            {
                Flush();
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '\\')
            {
                inWord = true;
                if (i + 1 < text.Length)
                {
                    word.Append(text[i + 1]);
                }

                i += 2;
            }
            else if (c is '"' or '\'')
            {
                inWord = true;
                quoted = true;
                i = ReadQuoted(text, i + 1, c, word);
            }
            else
            {
                inWord = true;
                word.Append(c);
                i++;
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (inWord && (word.Length > 0 || quoted))
            {
                words.Add(word.ToString());
            }

            word.Clear();
            inWord = false;
            quoted = false;
        }
    }

    private static int ReadQuoted(string text, int i, char quote, StringBuilder word)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                return i + 1;
            }

            if (quote == '"' && c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next is not ('"' or '\\'))
                {
                    word.Append('\\');
                }

                word.Append(next);
                i += 2;
                continue;
            }

            word.Append(c);
            i++;
        }

        return i;
    }
}
