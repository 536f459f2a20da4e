namespace Kolla.Configuration;

/// <summary>A section of an INI document: its name and its keys in first-seen order.</summary>
/// <remarks>
/// The orphan section (<see cref="IsOrphan"/>) holds keys that appear before any section header; it is written
/// without a header, wherever it falls in section order (as kolla-ansible's merge_configs does).
/// </remarks>
public sealed class IniSection
{
    private readonly List<IniEntry> _entries = [];
    private readonly Dictionary<ReadOnlyMemory<char>, IniEntry> _byKey = new(MemoryKeyComparer.Instance);
    private readonly Dictionary<ReadOnlyMemory<char>, IniEntry>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;

    internal IniSection(string name)
    {
        Name = name;
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The name between the brackets, verbatim (not trimmed, case-sensitive); empty for the orphan section.</summary>
    public string Name { get; }

    /// <summary>True for the section of keys that appeared before any header.</summary>
    public bool IsOrphan => Name.Length == 0;

    /// <summary>The keys in first-seen order.</summary>
    public IReadOnlyList<IniEntry> Entries => _entries;

    /// <summary>The entry for <paramref name="key"/> (case-sensitive), or null.</summary>
    public IniEntry? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _byKeySpan.TryGetValue(key, out var entry) ? entry : null;
    }

    /// <summary>Same name and same keys with the same occurrences, in the same order.</summary>
    public bool ContentEquals(IniSection other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(Name, other.Name, StringComparison.Ordinal) || _entries.Count != other._entries.Count)
        {
            return false;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (!_entries[i].ContentEquals(other._entries[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal IniEntry GetOrAdd(ReadOnlyMemory<char> key)
    {
        // One hash and probe for both the hit and the miss.
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byKey, key, out var exists);
        if (!exists)
        {
            slot = new IniEntry(key);
            _entries.Add(slot);
        }

        return slot!;
    }
}
