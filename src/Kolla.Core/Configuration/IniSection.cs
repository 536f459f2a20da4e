using System.Text;

namespace Kolla.Configuration;

/// <summary>A section of an INI document: its name and its keys in first-seen order.</summary>
/// <remarks>
/// The orphan section (<see cref="IsOrphan"/>) holds keys that appear before any section header; it is written
/// without a header, wherever it falls in section order (as kolla-ansible's merge_configs does).
/// During the merge a section keeps only indices of its keys' slots (offsets into the sources' texts, all in one
/// array for the document) and an open-addressing table over them: no object per key. <see cref="Entries"/> builds
/// the entry objects on first use.
/// </remarks>
public sealed class IniSection
{
    private readonly IniDocument _document;
    private readonly IniKeySlots _slots;
    private int[] _order = new int[4];

    /// <summary>Open addressing over <see cref="_order"/>: the key's hash in the high half, 1 + its index in the low half (0 = free).</summary>
    private long[] _table = new long[8];
    private int _count;
    private Dictionary<int, List<IniShadowedValues>>? _shadowed;
    private IniEntry[]? _entries;

    internal IniSection(string name, byte[] utf8Name, int nameHash, IniDocument document)
    {
        Name = name;
        Utf8Name = utf8Name;
        NameHash = nameHash;
        _document = document;
        _slots = document.Slots;
    }

    /// <summary>The name between the brackets, verbatim (not trimmed, case-sensitive); empty for the orphan section.</summary>
    public string Name { get; }

    /// <summary>The name as UTF-8 (for the writer).</summary>
    internal byte[] Utf8Name { get; }

    /// <summary>The hash of <see cref="Utf8Name"/> (<see cref="IniKeyHash"/>).</summary>
    internal int NameHash { get; }

    /// <summary>True for the section of keys that appeared before any header.</summary>
    public bool IsOrphan => Name.Length == 0;

    /// <summary>The keys in first-seen order.</summary>
    public IReadOnlyList<IniEntry> Entries => Materialize();

    /// <summary>The entry for <paramref name="key"/> (case-sensitive), or null.</summary>
    public IniEntry? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var utf8 = Encoding.UTF8.GetBytes(key);
        var index = IndexOf(utf8, IniKeyHash.Of(utf8), out _);
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

    /// <summary>The indices of the keys' slots in <see cref="IniDocument.Slots"/>, in first-seen order (for the writer).</summary>
    internal ReadOnlySpan<int> Order => _order.AsSpan(0, _count);

    /// <summary>
    /// Adds an occurrence of the key at <paramref name="keyStart"/> in source <paramref name="value"/>.Layer's text:
    /// the first one from a new source replaces the key's occurrences, a repeated one within a source is appended.
    /// </summary>
    internal void Assign(int keyStart, int keyLength, int hash, in IniValueSpan value, bool trackShadowed)
    {
        var key = _document.LayerText(value.Layer).AsSpan(keyStart, keyLength);
        var found = IndexOf(key, hash, out var free);
        if (found >= 0)
        {
            ref var slot = ref _slots[_order[found]];
            if (slot.First.Layer == value.Layer)
            {
                _document.Occurrences.Append(ref slot, value);
                return;
            }

            if (trackShadowed)
            {
                _shadowed ??= [];
                if (!_shadowed.TryGetValue(found, out var history))
                {
                    _shadowed.Add(found, history = []);
                }

                history.Add(new IniShadowedValues(_document.LayerName(slot.First.Layer), _document.Values(in slot)));
            }

            slot.First = value;
            slot.Count = 1;
            slot.MoreHead = -1;
            slot.MoreTail = -1;
            return;
        }

        if (_count == _order.Length)
        {
            Array.Resize(ref _order, _count * 2);
        }

        _order[_count] = _slots.Add(new IniKeySlot
        {
            KeyLayer = value.Layer,
            KeyStart = keyStart,
            KeyLength = keyLength,
            Count = 1,
            MoreHead = -1,
            MoreTail = -1,
            First = value,
        });
        _table[free] = Entry(hash, ++_count);
        if (_count * 2 > _table.Length)
        {
            Rehash();
        }
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
            entries[i] = _document.ToEntry(in _slots[_order[i]], _shadowed?.GetValueOrDefault(i));
        }

        return _entries = entries;
    }

    private static long Entry(int hash, int indexPlusOne) => ((long)hash << 32) | (uint)indexPlusOne;

    /// <summary>The slot of <paramref name="key"/>, or -1 with <paramref name="free"/> the table position to add it at.</summary>
    private int IndexOf(ReadOnlySpan<byte> key, int hash, out int free)
    {
        var table = _table;
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
            ref readonly var slot = ref _slots[_order[found]];
            if (slot.KeyLength == key.Length && _document.Key(in slot).SequenceEqual(key))
            {
                free = -1;
                return found;
            }
        }
    }

    private void Rehash()
    {
        var table = new long[_table.Length * 2];
        var mask = table.Length - 1;
        foreach (var entry in _table)
        {
            if (entry == 0)
            {
                continue;
            }

            var at = (int)(entry >> 32) & mask;
            while (table[at] != 0)
            {
                at = (at + 1) & mask;
            }

            table[at] = entry;
        }

        _table = table;
    }
}
