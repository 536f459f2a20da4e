using System.Text;

namespace Kolla.Compat;

/// <summary>
/// Splits text into words the way Python's <c>shlex</c> does in POSIX mode with <c>whitespace_split</c>
/// (<c>shlex.split</c>, and the <c>shlex.shlex</c> lexer the <c>distro</c> library reads <c>os-release</c> with).
/// </summary>
/// <remarks>
/// Whitespace separates words; single quotes keep everything literally; double quotes keep everything except that a
/// backslash escapes <c>"</c> and <c>\</c>; outside quotes a backslash escapes any character; quotes are removed and
/// join with what touches them (<c>''</c> is an empty word). With <see cref="ShellSplitOptions.Comments"/>, <c>#</c>
/// outside quotes ends the line, even in the middle of a word. No expansion of any kind.
/// <para>Public because Kolla.Docker splits a container's command with it (<see cref="Split(string)"/>).</para>
/// </remarks>
public static class ShellWords
{
    private const char NoState = '\0';

    /// <summary>
    /// Splits a command line as kolla_container does (Python's <c>shlex.split(command)</c>): to create the container,
    /// and to compare it with the inspected <c>Path</c>/<c>Args</c>.
    /// </summary>
    /// <param name="commandLine">The command line.</param>
    /// <returns>The words.</returns>
    /// <exception cref="FormatException">A quote is not closed or the line ends with a lone backslash.</exception>
    public static IReadOnlyList<string> Split(string commandLine)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        try
        {
            return Split(commandLine, ShellSplitOptions.UnicodeWhitespace);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{e.Message} in command: {commandLine}", e);
        }
    }

    /// <summary>Splits <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">
    /// Unless <see cref="ShellSplitOptions.Lenient"/>: an unterminated quote ("No closing quotation") or a trailing
    /// backslash ("No escaped character").
    /// </exception>
    internal static List<string> Split(string text, ShellSplitOptions options)
    {
        var comments = options.HasFlag(ShellSplitOptions.Comments);
        var lenient = options.HasFlag(ShellSplitOptions.Lenient);
        var unicodeWhitespace = options.HasFlag(ShellSplitOptions.UnicodeWhitespace);
        var words = new List<string>();
        var token = new StringBuilder();
        var state = ' ';
        var escapedState = ' ';
        var quoted = false;
        var i = 0;
        while (true)
        {
            var atEnd = i >= text.Length;
            var c = atEnd ? NoState : text[i];
            i++;
            if (state == ' ')
            {
                if (atEnd)
                {
                    break;
                }

                if (IsWhitespace(c))
                {
                    if (token.Length > 0 || quoted)
                    {
                        Emit();
                    }
                }
                else if (comments && c == '#')
                {
                    i = SkipLine(i);
                }
                else if (c == '\\')
                {
                    escapedState = 'a';
                    state = '\\';
                }
                else if (c is '\'' or '"')
                {
                    state = c;
                }
                else
                {
                    token.Append(c);
                    state = 'a';
                }
            }
            else if (state is '\'' or '"')
            {
                quoted = true;
                if (atEnd)
                {
                    if (lenient)
                    {
                        break;
                    }

                    throw new FormatException("No closing quotation");
                }

                if (c == state)
                {
                    state = 'a';
                }
                else if (c == '\\' && state == '"')
                {
                    escapedState = state;
                    state = '\\';
                }
                else
                {
                    token.Append(c);
                }
            }
            else if (state == '\\')
            {
                if (atEnd)
                {
                    if (!lenient)
                    {
                        throw new FormatException("No escaped character");
                    }

                    // A backslash at the end inside double quotes stays; outside quotes it goes.
                    if (escapedState == '"')
                    {
                        token.Append('\\');
                    }

                    break;
                }

                if (escapedState is '\'' or '"' && c != '\\' && c != escapedState)
                {
                    token.Append('\\');
                }

                token.Append(c);
                state = escapedState;
            }
            else
            {
                // inside a word
                if (atEnd)
                {
                    break;
                }

                if (IsWhitespace(c))
                {
                    state = ' ';
                    if (token.Length > 0 || quoted)
                    {
                        Emit();
                    }
                }
                else if (comments && c == '#')
                {
                    i = SkipLine(i);
                    state = ' ';
                    if (token.Length > 0 || quoted)
                    {
                        Emit();
                    }
                }
                else if (c is '\'' or '"')
                {
                    state = c;
                }
                else if (c == '\\')
                {
                    escapedState = 'a';
                    state = '\\';
                }
                else
                {
                    token.Append(c);
                }
            }
        }

        if (token.Length > 0 || quoted)
        {
            Emit();
        }

        return words;

        void Emit()
        {
            words.Add(token.ToString());
            token.Clear();
            quoted = false;
        }

        bool IsWhitespace(char c) => unicodeWhitespace ? char.IsWhiteSpace(c) : c is ' ' or '\t' or '\r' or '\n';

        // shlex reads the rest of the line; the newline itself then separates words.
        int SkipLine(int from)
        {
            var newline = text.IndexOf('\n', from);
            return newline < 0 ? text.Length : newline;
        }
    }
}
