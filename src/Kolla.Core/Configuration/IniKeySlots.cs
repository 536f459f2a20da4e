namespace Kolla.Configuration;

/// <summary>
/// The key slots of the sections one fold worker merged, each section's keys consecutive, in fixed-size chunks: it
/// grows without copying and without a doubled array's slack (allocations follow the number of keys, not of
/// assignments). Slots hold only numbers, so however many there are the garbage collector neither traces nor moves
/// their contents (the chunks are large objects); sections keep the index of their first slot.
/// </summary>
internal sealed class IniKeySlots
{
    /// <summary>Slots per chunk (a power of two; 4,096 slots is ~200 KB, a large object the GC does not move).</summary>
    private const int ChunkShift = 12;
    private const int ChunkMask = (1 << ChunkShift) - 1;

    private IniKeySlot[][] _chunks = new IniKeySlot[4][];
    private int _count;

    /// <summary>Number of slots added.</summary>
    public int Count => _count;

    /// <summary>Slot <paramref name="index"/>.</summary>
    public ref IniKeySlot this[int index] => ref _chunks[index >> ChunkShift][index & ChunkMask];

    /// <summary>Adds a slot; returns its index.</summary>
    public int Add(in IniKeySlot slot)
    {
        var chunk = _count >> ChunkShift;
        if ((_count & ChunkMask) == 0)
        {
            if (chunk == _chunks.Length)
            {
                Array.Resize(ref _chunks, chunk * 2);
            }

            // The first chunk is small, so a small merge (most of them) allocates little.
            _chunks[chunk] = new IniKeySlot[chunk == 0 ? 64 : 1 << ChunkShift];
        }
        else if (chunk == 0 && _count == _chunks[0].Length)
        {
            Array.Resize(ref _chunks[0], Math.Min(_count * 4, 1 << ChunkShift));
        }

        _chunks[chunk][_count & ChunkMask] = slot;
        return _count++;
    }
}
