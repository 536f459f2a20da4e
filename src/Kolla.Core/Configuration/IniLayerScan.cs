using System.Buffers;

namespace Kolla.Configuration;

/// <summary>
/// A source scanned on its own (no merge state needed, so the sources of one merge can be scanned in parallel): its
/// headers and assignments in order, and its continuation lines. The record array is pooled: <see cref="Release"/>
/// returns it once the source has been merged; the continuation lines stay with the document.
/// </summary>
internal sealed class IniLayerScan
{
    private IniScanRecord[] _records;
    private int _count;

    public IniLayerScan(byte[] text, int expectedRecords)
    {
        Text = text;
        _records = ArrayPool<IniScanRecord>.Shared.Rent(Math.Max(16, expectedRecords));
    }

    /// <summary>The source's UTF-8 text.</summary>
    public byte[] Text { get; }

    /// <summary>The continuation lines of the source's values (offsets into <see cref="Text"/>).</summary>
    public IniContinuations Continuations { get; } = new();

    /// <summary>The records in source order (the merge fills in their section and layer).</summary>
    public Span<IniScanRecord> Records => _records.AsSpan(0, _count);

    /// <summary>Appends a record.</summary>
    public void Add(in IniScanRecord record)
    {
        if (_count == _records.Length)
        {
            var larger = ArrayPool<IniScanRecord>.Shared.Rent(_count * 2);
            _records.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<IniScanRecord>.Shared.Return(_records);
            _records = larger;
        }

        _records[_count++] = record;
    }

    /// <summary>Returns the record array to the pool (the scan is unusable afterwards).</summary>
    public void Release()
    {
        ArrayPool<IniScanRecord>.Shared.Return(_records);
        _records = [];
        _count = 0;
    }
}
