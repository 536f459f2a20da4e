namespace Kolla.Configuration;

/// <summary>
/// A key in a section with its occurrences in order. A key repeated within one source has several occurrences
/// (oslo.config multi-valued options); a later source replaces all of them at once.
/// </summary>
public sealed class IniEntry
{
    private static readonly IReadOnlyList<IniShadowedValues> NoHistory = [];

    private readonly IniValue[] _values;
    private readonly IReadOnlyList<IniShadowedValues>? _shadowed;
    private readonly ReadOnlyMemory<char> _key;
    private string? _keyString;

    internal IniEntry(ReadOnlyMemory<char> key, IniValue[] values, IReadOnlyList<IniShadowedValues>? shadowed)
    {
        _key = key;
        _values = values;
        _shadowed = shadowed;
    }

    /// <summary>The key, exactly as written (case-sensitive, trimmed).</summary>
    public string Key => _keyString ??= _key.ToString();

    /// <summary>Number of occurrences (at least 1).</summary>
    public int Count => _values.Length;

    /// <summary>The occurrences in order (a copy).</summary>
    public IReadOnlyList<IniValue> Values => (IniValue[])_values.Clone();

    /// <summary>The winning source's first occurrence.</summary>
    public IniValue First => _values[0];

    /// <summary>
    /// Earlier values of this key that later sources replaced, oldest first. Empty unless the merge ran with
    /// <see cref="IniMergeOptions.TrackShadowed"/>.
    /// </summary>
    public IReadOnlyList<IniShadowedValues> Shadowed => _shadowed ?? NoHistory;

    /// <summary>Occurrence <paramref name="index"/>.</summary>
    public IniValue this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _values.Length);
            return _values[index];
        }
    }

    /// <summary>Same key and same occurrence lines (origins and history are not compared).</summary>
    public bool ContentEquals(IniEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!_key.Span.SequenceEqual(other._key.Span) || _values.Length != other._values.Length)
        {
            return false;
        }

        for (var i = 0; i < _values.Length; i++)
        {
            if (!_values[i].Equals(other._values[i]))
            {
                return false;
            }
        }

        return true;
    }
}
