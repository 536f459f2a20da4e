using System.Buffers;
using System.Text.Unicode;
using Kolla.Compat;

namespace Kolla.Configuration;

/// <summary>
/// Writes an <see cref="IniDocument"/> byte for byte as <c>merge_configs</c> does: <c>[section]</c>, then
/// <c>key = value</c> per occurrence (<c>key =</c> when empty), continuation lines re-indented under the value by
/// code-point length of the key + 2·len(ws) + 1, a blank line after every section, LF only.
/// </summary>
/// <remarks>
/// One walk over the document drives a sink. A string result is sized by a counting walk and allocated once; UTF-8
/// output (what ends up in the file) is laid out chunk by chunk in a small pooled char buffer and transcoded as it goes.
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
        var sink = Utf8Sink.Create(Count(document, whitespace));
        try
        {
            Emit(document, whitespace, ref sink);
            return sink.ToArray();
        }
        finally
        {
            sink.ReturnChunk();
        }
    }

    public static void WriteUtf8(IniDocument document, bool whitespace, IBufferWriter<byte> writer)
    {
        var sink = Utf8Sink.Create(Count(document, whitespace));
        try
        {
            Emit(document, whitespace, ref sink);
            var bytes = sink.Finish();
            bytes.CopyTo(writer.GetSpan(bytes.Length));
            writer.Advance(bytes.Length);
        }
        finally
        {
            sink.ReturnChunk();
        }
    }

    /// <summary>The text's length in chars: its UTF-8 length when it is ASCII, a lower bound otherwise.</summary>
    private static int Count(IniDocument document, bool whitespace)
    {
        var counter = default(CharCounter);
        Emit(document, whitespace, ref counter);
        return counter.Length;
    }

    private static void Emit<TSink>(IniDocument document, bool whitespace, ref TSink sink)
        where TSink : struct, ISink, allows ref struct
    {
        var ws = whitespace ? 1 : 0;
        var occurrences = document.Occurrences;
        var slots = document.Slots;
        foreach (var section in document.Sections)
        {
            if (!section.IsOrphan)
            {
                sink.Put('[');
                sink.Put(section.Name);
                sink.Put(']');
                sink.Put('\n');
            }

            foreach (var index in section.Order)
            {
                ref readonly var slot = ref slots[index];
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

    /// <summary>
    /// Lays text out in a small pooled chunk of chars and transcodes each full chunk into the UTF-8 output, so the
    /// document is never held as UTF-16 as a whole. The output array starts at the text's length in chars (exact for
    /// ASCII), grows by a quarter when the text is not ASCII, and is not zeroed first.
    /// </summary>
    private struct Utf8Sink : ISink
    {
        private const int ChunkChars = 16 * 1024;

        private char[] _chunk;
        private int _used;
        private byte[] _out;
        private int _written;

        public static Utf8Sink Create(int estimate) => new()
        {
            _chunk = ArrayPool<char>.Shared.Rent(ChunkChars),
            _out = GC.AllocateUninitializedArray<byte>(Math.Max(16, estimate)),
        };

        public void Put(char c)
        {
            if (_used == _chunk.Length)
            {
                Flush(final: false);
            }

            _chunk[_used++] = c;
        }

        public void Put(ReadOnlySpan<char> text)
        {
            while (true)
            {
                var n = Math.Min(text.Length, _chunk.Length - _used);
                text[..n].CopyTo(_chunk.AsSpan(_used));
                _used += n;
                text = text[n..];
                if (text.IsEmpty)
                {
                    return;
                }

                Flush(final: false);
            }
        }

        public void Spaces(int count)
        {
            while (true)
            {
                var n = Math.Min(count, _chunk.Length - _used);
                _chunk.AsSpan(_used, n).Fill(' ');
                _used += n;
                count -= n;
                if (count == 0)
                {
                    return;
                }

                Flush(final: false);
            }
        }

        /// <summary>The output so far, after transcoding what is left in the chunk.</summary>
        public ReadOnlySpan<byte> Finish()
        {
            Flush(final: true);
            return _out.AsSpan(0, _written);
        }

        public byte[] ToArray()
        {
            var bytes = Finish();
            return bytes.Length == _out.Length ? _out : bytes.ToArray();
        }

        public readonly void ReturnChunk() => ArrayPool<char>.Shared.Return(_chunk);

        private void Flush(bool final)
        {
            var chars = _chunk.AsSpan(0, _used);
            var read = 0;
            while (true)
            {
                // A surrogate pair split by the chunk's end stays behind for the next chunk (lone surrogates become
                // U+FFFD, as Encoding.UTF8 writes them).
                var status = Utf8.FromUtf16(chars[read..], _out.AsSpan(_written), out var took, out var written, replaceInvalidSequences: true, isFinalBlock: final);
                read += took;
                _written += written;
                if (status != OperationStatus.DestinationTooSmall)
                {
                    break;
                }

                var bigger = GC.AllocateUninitializedArray<byte>(Math.Max(_out.Length + (_out.Length / 4), _written + ((chars.Length - read) * 3)));
                _out.AsSpan(0, _written).CopyTo(bigger);
                _out = bigger;
            }

            chars[read..].CopyTo(_chunk);
            _used = chars.Length - read;
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
