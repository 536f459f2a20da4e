namespace Kolla.Configuration;

/// <summary>
/// Writes an <see cref="IniDocument"/> byte for byte as <c>merge_configs</c> does: <c>[section]</c>, then
/// <c>key = value</c> per occurrence (<c>key =</c> when empty), continuation lines re-indented under the value by
/// code-point length of the key + 2·len(ws) + 1, a blank line after every section, LF only.
/// </summary>
internal static class IniWriter
{
    public static string Write(IniDocument document, bool whitespace)
    {
        var ws = whitespace ? 1 : 0;
        var length = 0;
        foreach (var section in document.Sections)
        {
            if (!section.IsOrphan)
            {
                length += section.Name.Length + 3;
            }

            foreach (var entry in section.Entries)
            {
                var indent = PyText.CodePointLength(entry.Key) + (2 * ws) + 1;
                for (var i = 0; i < entry.Count; i++)
                {
                    var value = entry[i];
                    if (value.IsEmpty)
                    {
                        length += entry.Key.Length + ws + 2;
                        continue;
                    }

                    length += entry.Key.Length + (2 * ws) + 2 + value.GetLine(0).Length;
                    for (var j = 1; j < value.LineCount; j++)
                    {
                        length += indent + value.GetLine(j).Length + 1;
                    }
                }
            }

            length++;
        }

        if (length == 0)
        {
            return string.Empty;
        }

        return string.Create(length, (document, ws), static (span, state) =>
        {
            var (document, ws) = state;
            var at = 0;
            foreach (var section in document.Sections)
            {
                if (!section.IsOrphan)
                {
                    span[at++] = '[';
                    Put(span, ref at, section.Name);
                    span[at++] = ']';
                    span[at++] = '\n';
                }

                foreach (var entry in section.Entries)
                {
                    var key = entry.Key.AsSpan();
                    var indent = PyText.CodePointLength(key) + (2 * ws) + 1;
                    for (var i = 0; i < entry.Count; i++)
                    {
                        var value = entry[i];
                        Put(span, ref at, key);
                        if (ws == 1)
                        {
                            span[at++] = ' ';
                        }

                        span[at++] = '=';
                        if (value.IsEmpty)
                        {
                            span[at++] = '\n';
                            continue;
                        }

                        if (ws == 1)
                        {
                            span[at++] = ' ';
                        }

                        Put(span, ref at, value.GetLine(0));
                        span[at++] = '\n';
                        for (var j = 1; j < value.LineCount; j++)
                        {
                            span.Slice(at, indent).Fill(' ');
                            at += indent;
                            Put(span, ref at, value.GetLine(j));
                            span[at++] = '\n';
                        }
                    }
                }

                span[at++] = '\n';
            }
        });
    }

    private static void Put(Span<char> span, ref int at, ReadOnlySpan<char> text)
    {
        text.CopyTo(span[at..]);
        at += text.Length;
    }
}
