using System.Text;

namespace Kolla.Containers;

/// <summary>Splits a command line into words with POSIX shell quoting, as Python's <c>shlex.split</c> does.</summary>
/// <remarks>
/// kolla_container shell-splits its <c>command</c> parameter both to create the container and to compare it with
/// the inspected <c>Path</c>/<c>Args</c>; the same splitter is used for both here.
/// Rules: whitespace separates words; single quotes keep everything literally; inside double quotes a backslash
/// escapes only <c>"</c> and <c>\</c>; outside quotes a backslash escapes any character. No comments, no expansion.
/// </remarks>
public static class ShellWords
{
    /// <summary>Splits <paramref name="commandLine"/> into words.</summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The words.</returns>
    /// <exception cref="FormatException">A quote is not closed or the line ends with a lone backslash.</exception>
    public static IReadOnlyList<string> Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < commandLine.Length; i++)
        {
            var c = commandLine[i];
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
            switch (c)
            {
                case '\'':
                    var close = commandLine.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"No closing quotation in command: {commandLine}");
                    }

                    word.Append(commandLine, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    i = ReadDoubleQuoted(commandLine, i + 1, word);
                    break;
                case '\\':
                    if (i + 1 >= commandLine.Length)
                    {
                        throw new FormatException($"No escaped character in command: {commandLine}");
                    }

                    word.Append(commandLine[++i]);
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static int ReadDoubleQuoted(string line, int start, StringBuilder word)
    {
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < line.Length && (line[i + 1] == '"' || line[i + 1] == '\\'))
            {
                word.Append(line[++i]);
                continue;
            }

            word.Append(c);
        }

        throw new FormatException($"No closing quotation in command: {line}");
    }
}
