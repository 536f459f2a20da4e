using System.Text;

namespace Kolla.Configuration;

/// <summary>A section of an INI document: its name and its keys in first-seen order.</summary>
/// <remarks>
/// The orphan section (<see cref="IsOrphan"/>) holds keys that appear before any section header; it is written
/// without a header, wherever it falls in section order (as kolla-ansible's merge_configs does).
/// The merge folds a section's assignments from all sources in one go (<see cref="Fold"/>), so its keys are
/// consecutive slots of one <see cref="IniKeySlots"/> (offsets into the sources' texts): no object per key.
/// <see cref="Entries"/> builds the entry objects on first use.
/// </remarks>
public sealed class IniSection
{
    private readonly IniDocument _document;

    // Set by Fold, which the merge runs on every section before it returns the document.
    private IniKeySlots _slots = null!;
    private IniOccurrences _occurrences = null!;
    private int _first;
    private int _count;
    private Dictionary<int, List<IniShadowedValues>>? _shadowed;
    private IniEntry[]? _entries;

    /// <summary>Open addressing over the keys for <see cref="Find"/>, built on first use.</summary>
    private long[]? _lookup;

    internal IniSection(string name, byte[] utf8Name, int nameHash, int index, IniDocument document)
    {
        Name = name;
        Utf8Name = utf8Name;
        NameHash = nameHash;
        Index = index;
        _document = document;
    }

    /// <summary>The name between the brackets, verbatim (not trimmed, case-sensitive); empty for the orphan section.</summary>
    public string Name { get; }

    /// <summary>The name as UTF-8 (for the writer).</summary>
    internal byte[] Utf8Name { get; }

    /// <summary>The hash of <see cref="Utf8Name"/> (<see cref="IniKeyHash"/>).</summary>
    internal int NameHash { get; }

    /// <summary>The section's position in the document's section order.</summary>
    internal int Index { get; }

    /// <summary>Assignments to this section over all sources (counted before the fold).</summary>
    internal int Assignments { get; set; }

    /// <summary>Where this section's assignments start in the merge's grouped records.</summary>
    internal int RecordStart { get; set; }

    /// <summary>True for the section of keys that appeared before any header.</summary>
    public bool IsOrphan => Name.Length == 0;

    /// <summary>The keys in first-seen order.</summary>
    public IReadOnlyList<IniEntry> Entries => Materialize();

    /// <summary>The entry for <paramref name="key"/> (case-sensitive), or null.</summary>
    public IniEntry? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var utf8 = Encoding.UTF8.GetBytes(key);
        var lookup = _lookup ??= BuildLookup();
        var index = IndexOf(lookup, utf8, IniKeyHash.Of(utf8), out _);
        return index < 0 ? null : Materialize()[index];
    }

    /// <summary>Same name and same keys with the same occurrences, in the same order.</summary>
    public bool ContentEquals(IniSection other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(Name, other.Name, StringComparison.Ordinal) || _count != other._count)
        {
            return false;
        }

        var mine = Materialize();
        var theirs = other.Materialize();
        for (var i = 0; i < mine.Length; i++)
        {
            if (!mine[i].ContentEquals(theirs[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The slots that hold this section's keys (from <see cref="FirstSlot"/>, <see cref="KeyCount"/> of them).</summary>
    internal IniKeySlots Slots => _slots;

    /// <summary>The second and later occurrences of this section's repeated keys.</summary>
    internal IniOccurrences Occurrences => _occurrences;

    /// <summary>The slot of the first key in <see cref="Slots"/>; the keys follow in first-seen order.</summary>
    internal int FirstSlot => _first;

    /// <summary>Number of keys.</summary>
    internal int KeyCount => _count;

    /// <summary>
    /// Applies this section's assignments from all sources, in source order: the first assignment of a key from a
    /// new source replaces the key's occurrences, a repeated one within a source is appended. The keys' slots are
    /// added to <paramref name="slots"/>, consecutively; <paramref name="table"/> (all zero, a power of two at least
    /// twice the number of records long) is scratch space for the lookup.
    /// </summary>
    internal void Fold(ReadOnlySpan<IniScanRecord> records, IniKeySlots slots, IniOccurrences occurrences, Span<long> table, bool trackShadowed)
    {
        _slots = slots;
        _occurrences = occurrences;
        _first = slots.Count;
        foreach (ref readonly var record in records)
        {
            Assign(in record, table, trackShadowed);
        }
    }

    private void Assign(in IniScanRecord record, Span<long> table, bool trackShadowed)
    {
        ref readonly var value = ref record.Value;
        var key = _document.LayerText(value.Layer).AsSpan(record.KeyStart, record.KeyLength);
        var found = IndexOf(table, key, record.Hash, out var free);
        if (found >= 0)
        {
            ref var slot = ref _slots[_first + found];
            if (slot.First.Layer == value.Layer)
            {
                _occurrences.Append(ref slot, value);
                return;
            }

            if (trackShadowed)
            {
                _shadowed ??= [];
                if (!_shadowed.TryGetValue(found, out var history))
                {
                    _shadowed.Add(found, history = []);
                }

                history.Add(new IniShadowedValues(_document.LayerName(slot.First.Layer), _document.Values(in slot, _occurrences)));
            }

            slot.First = value;
            slot.Count = 1;
            slot.MoreHead = -1;
            slot.MoreTail = -1;
            return;
        }

        _slots.Add(new IniKeySlot
        {
            KeyLayer = value.Layer,
            KeyStart = record.KeyStart,
            KeyLength = record.KeyLength,
            Count = 1,
            MoreHead = -1,
            MoreTail = -1,
            First = value,
        });
        table[free] = Entry(record.Hash, ++_count);
    }

    /// <summary>The entry objects, built on first use (the document is read-only once the merge has returned).</summary>
    private IniEntry[] Materialize()
    {
        if (_entries is { } built)
        {
            return built;
        }

        var entries = new IniEntry[_count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = _document.ToEntry(in _slots[_first + i], _occurrences, _shadowed?.GetValueOrDefault(i));
        }

        return _entries = entries;
    }

    private static long Entry(int hash, int indexPlusOne) => ((long)hash << 32) | (uint)indexPlusOne;

    /// <summary>The key's index among this section's keys, or -1 with <paramref name="free"/> the table position to add it at.</summary>
    private int IndexOf(ReadOnlySpan<long> table, ReadOnlySpan<byte> key, int hash, out int free)
    {
        var mask = table.Length - 1;
        for (var at = hash & mask; ; at = (at + 1) & mask)
        {
            var entry = table[at];
            if (entry == 0)
            {
                free = at;
                return -1;
            }

            // The hash is in the table, so a probe past another key does not touch that key's slot.
            if ((int)(entry >> 32) != hash)
            {
                continue;
            }

            var found = (int)entry - 1;
            ref readonly var slot = ref _slots[_first + found];
            if (slot.KeyLength == key.Length && _document.Key(in slot).SequenceEqual(key))
            {
                free = -1;
                return found;
            }
        }
    }

    private long[] BuildLookup()
    {
        var table = new long[TableLength(_count)];
        var mask = table.Length - 1;
        for (var i = 0; i < _count; i++)
        {
            var hash = IniKeyHash.Of(_document.Key(in _slots[_first + i]));
            var at = hash & mask;
            while (table[at] != 0)
            {
                at = (at + 1) & mask;
            }

            table[at] = Entry(hash, i + 1);
        }

        return table;
    }

    /// <summary>The lookup table length for up to <paramref name="keys"/> keys: a power of two, at most half full.</summary>
    internal static int TableLength(int keys) => (int)Math.Max(8, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)keys * 2));
}
