namespace Kolla.Ssh;

/// <summary>Splits a command line or an ssh_config line into words as a POSIX shell (and ssh's argv_split) does:
/// whitespace separates, single and double quotes group, a backslash escapes the next character.</summary>
internal static class ShellWords
{
    /// <exception cref="FormatException">A quote is not closed.</exception>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            if (c == '\\' && i + 1 < text.Length)
            {
                word.Append(text[++i]);
            }
            else if (c is '\'' or '"')
            {
                var end = i + 1;
                while (end < text.Length && text[end] != c)
                {
                    if (c == '"' && text[end] == '\\' && end + 1 < text.Length && text[end + 1] is '"' or '\\' or '$' or '`')
                    {
                        end++;
                    }

                    word.Append(text[end]);
                    end++;
                }

                if (end >= text.Length)
                {
                    throw new FormatException($"unterminated {c} quote");
                }

                i = end;
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
