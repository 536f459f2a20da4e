using System.Buffers;
using System.Text;
using Kolla.Compat;

namespace Kolla.Configuration;

/// <summary>
/// Writes an <see cref="IniDocument"/> byte for byte as <c>merge_configs</c> does: <c>[section]</c>, then
/// <c>key = value</c> per occurrence (<c>key =</c> when empty), continuation lines re-indented under the value by
/// code-point length of the key + 2·len(ws) + 1, a blank line after every section, LF only.
/// </summary>
/// <remarks>
/// One walk over the document drives a sink. A string result is sized by a counting walk and allocated once; UTF-8
/// output (what ends up in the file) is laid out in a pooled char buffer and transcoded in one call.
/// </remarks>
internal static class IniWriter
{
    public static string Write(IniDocument document, bool whitespace)
    {
        var counter = default(CharCounter);
        Emit(document, whitespace, ref counter);
        if (counter.Length == 0)
        {
            return string.Empty;
        }

        return string.Create(counter.Length, (document, whitespace), static (span, state) =>
        {
            var sink = new CharSink(span);
            Emit(state.document, state.whitespace, ref sink);
        });
    }

    public static byte[] WriteUtf8(IniDocument document, bool whitespace)
    {
        // Lay the text out as chars in a pooled buffer, then transcode once (vectorized) instead of per piece.
        var chars = Rent(document, whitespace, out var length);
        try
        {
            var text = chars.AsSpan(0, length);
            var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
            Encoding.UTF8.GetBytes(text, bytes);
            return bytes;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public static void WriteUtf8(IniDocument document, bool whitespace, IBufferWriter<byte> writer)
    {
        var chars = Rent(document, whitespace, out var length);
        try
        {
            var text = chars.AsSpan(0, length);
            var span = writer.GetSpan(Encoding.UTF8.GetByteCount(text));
            writer.Advance(Encoding.UTF8.GetBytes(text, span));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static char[] Rent(IniDocument document, bool whitespace, out int length)
    {
        // One pass into a pooled buffer sized from the sources; it grows in the rare case the estimate is short.
        var sink = new PooledCharSink(ArrayPool<char>.Shared.Rent(Math.Max(256, document.SourceLength + (document.SourceLength / 4))));
        Emit(document, whitespace, ref sink);
        length = sink.Length;
        return sink.Buffer;
    }

    private static void Emit<TSink>(IniDocument document, bool whitespace, ref TSink sink)
        where TSink : struct, ISink, allows ref struct
    {
        var ws = whitespace ? 1 : 0;
        var occurrences = document.Occurrences;
        foreach (var section in document.Sections)
        {
            if (!section.IsOrphan)
            {
                sink.Put('[');
                sink.Put(section.Name);
                sink.Put(']');
                sink.Put('\n');
            }

            foreach (ref readonly var slot in section.Slots)
            {
                var key = document.Key(in slot);
                var indent = -1;
                Occurrence(document, key, in slot.First, ws, ref indent, ref sink);
                for (var node = slot.MoreHead; node >= 0;)
                {
                    Occurrence(document, key, in occurrences.Get(node, out node), ws, ref indent, ref sink);
                }
            }

            sink.Put('\n');
        }
    }

    private static void Occurrence<TSink>(IniDocument document, ReadOnlySpan<char> key, in IniValueSpan value, int ws, ref int indent, ref TSink sink)
        where TSink : struct, ISink, allows ref struct
    {
        sink.Put(key);
        if (ws == 1)
        {
            sink.Put(' ');
        }

        sink.Put('=');
        if (value.LineCount == 0)
        {
            sink.Put('\n');
            return;
        }

        if (ws == 1)
        {
            sink.Put(' ');
        }

        sink.Put(document.Line(in value, 0));
        sink.Put('\n');
        for (var j = 1; j < value.LineCount; j++)
        {
            if (indent < 0)
            {
                indent = PyText.CodePointLength(key) + (2 * ws) + 1;
            }

            sink.Spaces(indent);
            sink.Put(document.Line(in value, j));
            sink.Put('\n');
        }
    }

    private interface ISink
    {
        void Put(char c);

        void Put(ReadOnlySpan<char> text);

        void Spaces(int count);
    }

    private struct CharCounter : ISink
    {
        public int Length;

        public void Put(char c) => Length++;

        public void Put(ReadOnlySpan<char> text) => Length += text.Length;

        public void Spaces(int count) => Length += count;
    }

    private struct PooledCharSink(char[] buffer) : ISink
    {
        public char[] Buffer = buffer;
        public int Length;

        public void Put(char c)
        {
            if (Length == Buffer.Length)
            {
                Grow(1);
            }

            Buffer[Length++] = c;
        }

        public void Put(ReadOnlySpan<char> text)
        {
            if (Buffer.Length - Length < text.Length)
            {
                Grow(text.Length);
            }

            text.CopyTo(Buffer.AsSpan(Length));
            Length += text.Length;
        }

        public void Spaces(int count)
        {
            if (Buffer.Length - Length < count)
            {
                Grow(count);
            }

            Buffer.AsSpan(Length, count).Fill(' ');
            Length += count;
        }

        private void Grow(int needed)
        {
            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(Buffer.Length * 2, Length + needed));
            Buffer.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(Buffer);
            Buffer = bigger;
        }
    }

    private ref struct CharSink(Span<char> span) : ISink
    {
        private readonly Span<char> _span = span;
        private int _at;

        public void Put(char c) => _span[_at++] = c;

        public void Put(ReadOnlySpan<char> text)
        {
            text.CopyTo(_span[_at..]);
            _at += text.Length;
        }

        public void Spaces(int count)
        {
            _span.Slice(_at, count).Fill(' ');
            _at += count;
        }
    }
}
