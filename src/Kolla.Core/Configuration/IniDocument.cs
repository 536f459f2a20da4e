using System.Buffers;
using System.Text;

namespace Kolla.Configuration;

/// <summary>
/// An oslo.config-style INI document as kolla-ansible's <c>merge_configs</c> sees it: sections in first-seen order
/// (the orphan section of header-less keys included), keys in first-seen order, each key a list of occurrences,
/// each occurrence a list of lines. Comments and blank lines are not kept.
/// </summary>
/// <remarks>Built by <see cref="IniMerger"/> (or <see cref="Parse"/>) and read-only afterwards.</remarks>
/// <example>
/// <code>
/// IniDocument nova = await IniMerger.MergeFilesAsync(["nova.conf.j2", "/etc/kolla/config/global.conf"]);
/// string text = nova.ToText();   // the bytes merge_configs writes
/// </code>
/// </example>
public sealed class IniDocument
{
    private readonly List<IniSection> _sections = [];
    private readonly Dictionary<string, IniSection> _byName = new(StringComparer.Ordinal);
    private readonly List<string> _sources = [];
    private readonly List<string> _missingSources = [];
    private readonly List<byte[]> _layerTexts = [];
    private readonly List<IniContinuations> _layerContinuations = [];
    private readonly List<IniLayerScan> _pending = [];
    private readonly List<string> _layerNames = [];

    /// <summary>Open addressing over <see cref="_sections"/> by the UTF-8 name (1-based indices, 0 = free).</summary>
    private int[] _sectionTable = new int[64];

    internal IniDocument()
    {
    }

    /// <summary>The sections in first-seen order over all sources.</summary>
    public IReadOnlyList<IniSection> Sections => _sections;

    /// <summary>True when no section or key was parsed at all (the merge output is then an empty file).</summary>
    public bool IsEmpty => _sections.Count == 0;

    /// <summary>The names of the sources that were read, in merge order.</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>The names of the sources that did not exist and were skipped.</summary>
    public IReadOnlyList<string> MissingSources => _missingSources;

    /// <summary>The section of keys written before any header, or null.</summary>
    public IniSection? OrphanSection => _byName.GetValueOrDefault(string.Empty);

    /// <summary>Parses one source (the same rules as a one-source merge).</summary>
    /// <exception cref="ConfigMergeException">The text breaks the oslo.config INI rules.</exception>
    public static IniDocument Parse(string text, string source = "<text>") =>
        IniMerger.Merge([ConfigSource.FromText(source, text)]);

    /// <summary>The section named <paramref name="name"/> (verbatim, case-sensitive), or null.</summary>
    public IniSection? FindSection(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? null : _byName.GetValueOrDefault(name);
    }

    /// <summary>The entry for <paramref name="key"/> in <paramref name="section"/> (null section = the orphan section), or null.</summary>
    public IniEntry? FindEntry(string? section, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var s = section is null ? OrphanSection : FindSection(section);
        return s?.Find(key);
    }

    /// <summary>
    /// Finds a key given as <c>SECTION.KEY</c>. Section and key names may themselves contain dots
    /// (<c>filter:authtoken.paste.filter_factory</c>), so every split is tried, shortest section first; a name
    /// without a matching split is looked up in the orphan section.
    /// </summary>
    /// <returns>The section and entry, or null when no source set the key.</returns>
    public (IniSection Section, IniEntry Entry)? FindDotted(string sectionDotKey)
    {
        ArgumentNullException.ThrowIfNull(sectionDotKey);
        for (var dot = sectionDotKey.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = sectionDotKey.IndexOf('.', dot + 1))
        {
            if (FindSection(sectionDotKey[..dot]) is { } section && section.Find(sectionDotKey[(dot + 1)..]) is { } entry)
            {
                return (section, entry);
            }
        }

        if (OrphanSection is { } orphan && orphan.Find(sectionDotKey) is { } orphanEntry)
        {
            return (orphan, orphanEntry);
        }

        return null;
    }

    /// <summary>The merged text, byte for byte what <c>merge_configs</c> writes.</summary>
    /// <remarks>For writing files prefer <see cref="ToUtf8"/>: a large string lands on the large object heap.</remarks>
    /// <param name="whitespace">False for kolla's <c>whitespace: false</c> (<c>key=value</c>).</param>
    public string ToText(bool whitespace = true) => IniWriter.Write(this, whitespace);

    /// <summary>The merged file's bytes (UTF-8, no byte order mark), as <c>merge_configs</c> writes them.</summary>
    /// <param name="whitespace">False for kolla's <c>whitespace: false</c> (<c>key=value</c>).</param>
    public byte[] ToUtf8(bool whitespace = true) => IniWriter.WriteUtf8(this, whitespace);

    /// <summary>Writes the merged file's UTF-8 bytes to <paramref name="writer"/> without building the whole text first.</summary>
    public void WriteTo(System.Buffers.IBufferWriter<byte> writer, bool whitespace = true)
    {
        ArgumentNullException.ThrowIfNull(writer);
        IniWriter.WriteUtf8(this, whitespace, writer);
    }

    /// <summary>Same sections, keys, occurrences and lines in the same order (origins are not compared).</summary>
    public bool ContentEquals(IniDocument other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (_sections.Count != other._sections.Count)
        {
            return false;
        }

        for (var i = 0; i < _sections.Count; i++)
        {
            if (!_sections[i].ContentEquals(other._sections[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The merged text.</summary>
    public override string ToString() => ToText();

    /// <summary>The section named by the UTF-8 <paramref name="name"/>, added when new.</summary>
    internal IniSection GetOrAddSection(ReadOnlySpan<byte> name, int hash)
    {
        var mask = _sectionTable.Length - 1;
        var at = hash & mask;
        for (; _sectionTable[at] != 0; at = (at + 1) & mask)
        {
            var found = _sections[_sectionTable[at] - 1];
            if (found.NameHash == hash && name.SequenceEqual(found.Utf8Name))
            {
                return found;
            }
        }

        var section = new IniSection(Encoding.UTF8.GetString(name), name.ToArray(), hash, _sections.Count, this);
        _byName.Add(section.Name, section);
        _sections.Add(section);
        _sectionTable[at] = _sections.Count;
        if (_sections.Count * 2 > _sectionTable.Length)
        {
            var table = new int[_sectionTable.Length * 2];
            mask = table.Length - 1;
            for (var i = 0; i < _sections.Count; i++)
            {
                var slot = _sections[i].NameHash & mask;
                while (table[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                table[slot] = i + 1;
            }

            _sectionTable = table;
        }

        return section;
    }

    /// <summary>
    /// Takes a scanned source as the next layer: its headers open (or reopen) sections in first-seen order, its
    /// assignments before any header go to the orphan section, and each assignment is tagged with its section and
    /// layer. The keys are merged by <see cref="Complete"/> once every source has been added.
    /// </summary>
    internal void Add(string name, IniLayerScan scan)
    {
        var layer = _layerTexts.Count;
        _layerNames.Add(name);
        _layerTexts.Add(scan.Text);
        _layerContinuations.Add(scan.Continuations);
        _pending.Add(scan);
        var text = scan.Text;
        IniSection? section = null;
        foreach (ref var record in scan.Records)
        {
            if (record.IsSection)
            {
                section = GetOrAddSection(text.AsSpan(record.KeyStart, record.KeyLength), record.Hash);
                continue;
            }

            section ??= GetOrAddSection([], EmptyNameHash);
            record.Section = section.Index;
            record.Value.Layer = layer;
            section.Assignments++;
        }
    }

    /// <summary>
    /// Merges the keys of every source added: the assignments are grouped by section (in source order within each),
    /// then each section is folded in one go, so its lookup table, its slots and its keys' text stay in cache while
    /// all of its assignments are applied. Sections are independent, so large merges fold two halves of the
    /// sections in parallel. Returns the scans' record arrays to the pool.
    /// </summary>
    internal void Complete(bool trackShadowed)
    {
        var total = 0;
        foreach (var section in _sections)
        {
            section.RecordStart = total;
            total += section.Assignments;
        }

        var grouped = ArrayPool<IniScanRecord>.Shared.Rent(Math.Max(1, total));
        try
        {
            var next = new int[_sections.Count];
            for (var i = 0; i < next.Length; i++)
            {
                next[i] = _sections[i].RecordStart;
            }

            foreach (var scan in _pending)
            {
                foreach (ref readonly var record in scan.Records)
                {
                    if (!record.IsSection)
                    {
                        grouped[next[record.Section]++] = record;
                    }
                }

                scan.Release();
            }

            _pending.Clear();
            var split = total >= ParallelFoldRecords ? SplitPoint(total) : _sections.Count;
            if (split < _sections.Count)
            {
                Parallel.Invoke(
                    () => FoldSections(0, split, grouped, trackShadowed),
                    () => FoldSections(split, _sections.Count, grouped, trackShadowed));
            }
            else
            {
                FoldSections(0, _sections.Count, grouped, trackShadowed);
            }
        }
        finally
        {
            ArrayPool<IniScanRecord>.Shared.Return(grouped);
        }
    }

    /// <summary>Assignments from which folding two halves of the sections in parallel pays for the hand-off.</summary>
    private const int ParallelFoldRecords = 16 * 1024;

    private static readonly int EmptyNameHash = IniKeyHash.Of([]);

    /// <summary>The first section of the second half, so that both halves have about the same number of assignments.</summary>
    private int SplitPoint(int total)
    {
        var half = total / 2;
        for (var i = 0; i < _sections.Count; i++)
        {
            if (_sections[i].RecordStart >= half)
            {
                return i;
            }
        }

        return _sections.Count;
    }

    private void FoldSections(int from, int to, IniScanRecord[] grouped, bool trackShadowed)
    {
        var slots = new IniKeySlots();
        var occurrences = new IniOccurrences();
        var table = Array.Empty<long>();
        for (var i = from; i < to; i++)
        {
            var section = _sections[i];
            var length = IniSection.TableLength(section.Assignments);
            if (table.Length < length)
            {
                table = new long[length];
            }
            else
            {
                table.AsSpan(0, length).Clear();
            }

            section.Fold(grouped.AsSpan(section.RecordStart, section.Assignments), slots, occurrences, table.AsSpan(0, length), trackShadowed);
        }
    }

    /// <summary>The name of source <paramref name="layer"/>.</summary>
    internal string LayerName(int layer) => _layerNames[layer];

    /// <summary>The UTF-8 text of source <paramref name="layer"/>.</summary>
    internal byte[] LayerText(int layer) => _layerTexts[layer];

    /// <summary>The UTF-8 key of a slot, as first written.</summary>
    internal ReadOnlySpan<byte> Key(scoped in IniKeySlot slot) => _layerTexts[slot.KeyLayer].AsSpan(slot.KeyStart, slot.KeyLength);

    /// <summary>Line <paramref name="index"/> of an occurrence (UTF-8), without indentation.</summary>
    internal ReadOnlySpan<byte> Line(scoped in IniValueSpan value, int index)
    {
        var text = _layerTexts[value.Layer];
        if (index == 0)
        {
            return text.AsSpan(value.Start, value.Length);
        }

        var (start, length) = _layerContinuations[value.Layer][value.RestStart + index - 1];
        return text.AsSpan(start, length);
    }

    /// <summary>A slot's key and occurrences as an entry.</summary>
    internal IniEntry ToEntry(in IniKeySlot slot, IniOccurrences occurrences, IReadOnlyList<IniShadowedValues>? shadowed) =>
        new(Encoding.UTF8.GetString(Key(in slot)).AsMemory(), Values(in slot, occurrences), shadowed);

    /// <summary>A slot's occurrences in order.</summary>
    internal IniValue[] Values(in IniKeySlot slot, IniOccurrences occurrences)
    {
        var values = new IniValue[slot.Count];
        values[0] = ToValue(in slot.First);
        var at = 1;
        for (var node = slot.MoreHead; node >= 0;)
        {
            values[at++] = ToValue(in occurrences.Get(node, out node));
        }

        return values;
    }

    private IniValue ToValue(in IniValueSpan value)
    {
        var text = _layerTexts[value.Layer];
        var origin = new IniOrigin(_layerNames[value.Layer], value.Line);
        ReadOnlyMemory<char>[]? rest = null;
        if (value.LineCount > 1)
        {
            var continuations = _layerContinuations[value.Layer];
            rest = new ReadOnlyMemory<char>[value.LineCount - 1];
            for (var i = 0; i < rest.Length; i++)
            {
                var (start, length) = continuations[value.RestStart + i];
                rest[i] = Encoding.UTF8.GetString(text, start, length).AsMemory();
            }
        }

        return new IniValue(Encoding.UTF8.GetString(text, value.Start, value.Length).AsMemory(), rest, value.LineCount, origin);
    }

    internal void AddSource(string name, bool exists) => (exists ? _sources : _missingSources).Add(name);
}
