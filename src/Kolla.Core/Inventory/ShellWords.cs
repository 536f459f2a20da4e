using System.Text;

namespace Kolla.Inventory;

/// <summary>
/// Splits a line into words the way Python's <c>shlex.split(line, comments=True)</c> does in POSIX
/// mode (what ansible's INI plugin uses for host lines).
/// </summary>
/// <remarks>
/// Whitespace separates words; single quotes keep everything literally; double quotes keep everything
/// except that a backslash escapes <c>"</c> and <c>\</c>; outside quotes a backslash escapes any
/// character; <c>#</c> outside quotes ends the line, even in the middle of a word. Quotes are removed.
/// </remarks>
internal static class ShellWords
{
    private const char NoState = '\0';

    /// <summary>Splits <paramref name="line"/>.</summary>
    /// <exception cref="FormatException">An unterminated quote ("No closing quotation") or a trailing backslash ("No escaped character").</exception>
    public static List<string> Split(string line, bool comments = true)
    {
        var words = new List<string>();
        var token = new StringBuilder();
        var state = ' ';
        var escapedState = ' ';
        var quoted = false;
        var i = 0;
        while (true)
        {
            var atEnd = i >= line.Length;
            var c = atEnd ? NoState : line[i];
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
                    i = line.Length;
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
                    throw new FormatException("No escaped character");
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
                    i = line.Length;
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
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';
}
