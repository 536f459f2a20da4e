namespace Kolla.Configuration;

/// <summary>
/// The continuation lines of one source in one growing array of offsets into its text (filled by its scan, kept by
/// the document), so a multi-line value costs no array of its own.
/// </summary>
internal sealed class IniContinuations
{
    private (int Start, int Length)[] _lines = new (int, int)[64];

    /// <summary>Number of lines added.</summary>
    public int Count { get; private set; }

    /// <summary>Line <paramref name="index"/>: offset and length in its source's text.</summary>
    public (int Start, int Length) this[int index] => _lines[index];

    /// <summary>Adds a line.</summary>
    public void Add(int start, int length)
    {
        if (Count == _lines.Length)
        {
            Array.Resize(ref _lines, Count * 2);
        }

        _lines[Count++] = (start, length);
    }
}
