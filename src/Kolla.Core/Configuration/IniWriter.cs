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
/// One walk over the document drives a sink. The sources are held as UTF-8, so the output is their bytes copied
/// slice by slice: a counting walk gives the exact length, the array is allocated once (not zeroed) and filled by a
/// second walk. Sections are written independently, so a large document's array is counted and filled as two halves
/// in parallel (the second half's bytes start where the first half's count ends). A string result is decoded from
/// those bytes.
/// </remarks>
internal static class IniWriter
{
    public static string Write(IniDocument document, bool whitespace)
    {
        var length = Count(document, whitespace);
        if (length == 0)
        {
            return string.Empty;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var sink = new ByteSink(bytes);
            Emit(document, 0, document.Sections.Count, whitespace, ref sink);
            return Encoding.UTF8.GetString(bytes, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public static byte[] WriteUtf8(IniDocument document, bool whitespace)
    {
        var sections = document.Sections;
        var split = ParallelSplit(sections);
        if (split < 0)
        {
            var bytes = GC.AllocateUninitializedArray<byte>(Count(document, whitespace));
            var sink = new ByteSink(bytes);
            Emit(document, 0, sections.Count, whitespace, ref sink);
            return bytes;
        }

        long first = 0;
        long second = 0;
        Parallel.Invoke(
            () => first = Count(document, 0, split, whitespace),
            () => second = Count(document, split, sections.Count, whitespace));
        var output = GC.AllocateUninitializedArray<byte>(checked((int)(first + second)));
        Parallel.Invoke(
            () =>
            {
                var sink = new ByteSink(output.AsSpan(0, (int)first));
                Emit(document, 0, split, whitespace, ref sink);
            },
            () =>
            {
                var sink = new ByteSink(output.AsSpan((int)first));
                Emit(document, split, sections.Count, whitespace, ref sink);
            });
        return output;
    }

    public static void WriteUtf8(IniDocument document, bool whitespace, IBufferWriter<byte> writer)
    {
        var length = Count(document, whitespace);
        var sink = new ByteSink(writer.GetSpan(length)[..length]);
        Emit(document, 0, document.Sections.Count, whitespace, ref sink);
        writer.Advance(length);
    }

    /// <summary>Keys from which writing two halves in parallel pays for the hand-off.</summary>
    private const int ParallelKeys = 16 * 1024;

    /// <summary>The first section of the second half (about half the keys on each side), or -1 to write in one go.</summary>
    private static int ParallelSplit(IReadOnlyList<IniSection> sections)
    {
        long keys = 0;
        foreach (var section in sections)
        {
            keys += section.KeyCount;
        }

        if (keys < ParallelKeys)
        {
            return -1;
        }

        long seen = 0;
        for (var i = 0; i < sections.Count; i++)
        {
            if (seen >= keys / 2)
            {
                return i;
            }

            seen += sections[i].KeyCount;
        }

        return -1;
    }

    /// <summary>The output's length in bytes.</summary>
    private static int Count(IniDocument document, bool whitespace) =>
        checked((int)Count(document, 0, document.Sections.Count, whitespace));

    /// <summary>The length in bytes of sections <paramref name="from"/> to <paramref name="to"/> (exclusive).</summary>
    private static long Count(IniDocument document, int from, int to, bool whitespace)
    {
        var counter = default(ByteCounter);
        Emit(document, from, to, whitespace, ref counter);
        return counter.Length;
    }

    private static void Emit<TSink>(IniDocument document, int from, int to, bool whitespace, ref TSink sink)
        where TSink : struct, ISink, allows ref struct
    {
        var ws = whitespace ? 1 : 0;
        var sections = document.Sections;
        for (var s = from; s < to; s++)
        {
            var section = sections[s];
            if (!section.IsOrphan)
            {
                sink.Put((byte)'[');
                sink.Put(section.Utf8Name);
                sink.Put((byte)']');
                sink.Put((byte)'\n');
            }

            var slots = section.Slots;
            var occurrences = section.Occurrences;
            for (int index = section.FirstSlot, end = index + section.KeyCount; index < end; index++)
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

            sink.Put((byte)'\n');
        }
    }

    private static void Occurrence<TSink>(IniDocument document, ReadOnlySpan<byte> key, in IniValueSpan value, int ws, ref int indent, ref TSink sink)
        where TSink : struct, ISink, allows ref struct
    {
        if (value.Verbatim == ws + 1)
        {
            // The source line is already "key = value\n" (or "key=value\n"): one copy.
            var prefix = key.Length + 1 + (2 * ws);
            sink.Put(document.LayerText(value.Layer).AsSpan(value.Start - prefix, prefix + value.Length + 1));
        }
        else
        {
            sink.Put(key);
            if (ws == 1)
            {
                sink.Put((byte)' ');
            }

            sink.Put((byte)'=');
            if (value.LineCount == 0)
            {
                sink.Put((byte)'\n');
                return;
            }

            if (ws == 1)
            {
                sink.Put((byte)' ');
            }

            sink.Put(document.Line(in value, 0));
            sink.Put((byte)'\n');
        }

        for (var j = 1; j < value.LineCount; j++)
        {
            if (indent < 0)
            {
                indent = PyUtf8.CodePointLength(key) + (2 * ws) + 1;
            }

            sink.Spaces(indent);
            sink.Put(document.Line(in value, j));
            sink.Put((byte)'\n');
        }
    }

    private interface ISink
    {
        void Put(byte b);

        void Put(ReadOnlySpan<byte> bytes);

        void Spaces(int count);
    }

    private struct ByteCounter : ISink
    {
        public long Length;

        public void Put(byte b) => Length++;

        public void Put(ReadOnlySpan<byte> bytes) => Length += bytes.Length;

        public void Spaces(int count) => Length += count;
    }

    private ref struct ByteSink(Span<byte> span) : ISink
    {
        private readonly Span<byte> _span = span;
        private int _at;

        public void Put(byte b) => _span[_at++] = b;

        public void Put(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_span[_at..]);
            _at += bytes.Length;
        }

        public void Spaces(int count)
        {
            _span.Slice(_at, count).Fill((byte)' ');
            _at += count;
        }
    }
}
