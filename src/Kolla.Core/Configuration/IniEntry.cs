namespace Kolla.Configuration;

/// <summary>
/// A key in a section with its occurrences in order. A key repeated within one source has several occurrences
/// (oslo.config multi-valued options); a later source replaces all of them at once.
/// </summary>
public sealed class IniEntry
{
    private static readonly IReadOnlyList<IniShadowedValues> NoHistory = [];

    private IniValue _single;
    private IniValue[]? _many;
    private int _count;
    private List<IniShadowedValues>? _shadowed;

    private readonly ReadOnlyMemory<char> _key;
    private string? _keyString;

    internal IniEntry(ReadOnlyMemory<char> key)
    {
        _key = key;
        Layer = -1;
    }

    /// <summary>The key, exactly as written (case-sensitive, trimmed).</summary>
    public string Key => _keyString ??= _key.ToString();

    /// <summary>The key as a slice of the source that first set it.</summary>
    internal ReadOnlyMemory<char> KeyMemory => _key;

    /// <summary>Number of occurrences (at least 1).</summary>
    public int Count => _count;

    /// <summary>The occurrences in order (a copy).</summary>
    public IReadOnlyList<IniValue> Values
    {
        get
        {
            var values = new IniValue[_count];
            for (var i = 0; i < _count; i++)
            {
                values[i] = this[i];
            }

            return values;
        }
    }

    /// <summary>The winning source's first occurrence.</summary>
    public IniValue First => _single;

    /// <summary>
    /// Earlier values of this key that later sources replaced, oldest first. Empty unless the merge ran with
    /// <see cref="IniMergeOptions.TrackShadowed"/>.
    /// </summary>
    public IReadOnlyList<IniShadowedValues> Shadowed => _shadowed ?? NoHistory;

    /// <summary>The index of the source that set the current occurrences (internal bookkeeping for the fold).</summary>
    internal int Layer { get; private set; }

    /// <summary>Occurrence <paramref name="index"/>.</summary>
    public IniValue this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return index == 0 ? _single : _many![index - 1];
        }
    }

    /// <summary>Same key and same occurrence lines (origins and history are not compared).</summary>
    public bool ContentEquals(IniEntry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!_key.Span.SequenceEqual(other._key.Span) || _count != other._count)
        {
            return false;
        }

        for (var i = 0; i < _count; i++)
        {
            if (!this[i].Equals(other[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds an occurrence from source <paramref name="layer"/>; the first one from a new source replaces the old list.</summary>
    internal void Assign(in IniValue value, int layer, bool trackShadowed)
    {
        if (layer != Layer)
        {
            if (trackShadowed && _count > 0)
            {
                (_shadowed ??= []).Add(new IniShadowedValues(_single.Origin.Source, Values));
            }

            _count = 0;
            Layer = layer;
        }

        if (_count == 0)
        {
            _single = value;
        }
        else
        {
            _many ??= new IniValue[2];
            if (_count - 1 == _many.Length)
            {
                Array.Resize(ref _many, _many.Length * 2);
            }

            _many[_count - 1] = value;
        }

        _count++;
    }
}
