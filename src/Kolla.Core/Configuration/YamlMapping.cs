using System.Collections;
using Kolla.Compat;

namespace Kolla.Configuration;

/// <summary>
/// A YAML mapping as PyYAML loads it into a Python dict: insertion-ordered, keys compared with Python's rules
/// (<c>1</c>, <c>1.0</c> and <c>true</c> are one key).
/// </summary>
/// <remarks>
/// Values are <see cref="string"/>, <see cref="bool"/>, <see cref="System.Numerics.BigInteger"/> (ints),
/// <see cref="double"/> (floats), null, <see cref="YamlDate"/>, <see cref="YamlTimestamp"/>, <see cref="YamlSequence"/>
/// or <see cref="YamlMapping"/>. Keys are any of those except lists and mappings.
/// </remarks>
public sealed class YamlMapping : IEnumerable<KeyValuePair<object?, object?>>
{
    private readonly List<object?> _keys = [];
    private readonly List<object?> _values = [];
    private readonly List<int> _lines = [];
    private readonly Dictionary<PyKey, int> _index = [];

    /// <summary>Number of keys.</summary>
    public int Count => _keys.Count;

    /// <summary>The keys in insertion order.</summary>
    public IReadOnlyList<object?> Keys => _keys;

    /// <summary>The value for <paramref name="key"/>; setting an existing key keeps its position.</summary>
    /// <exception cref="KeyNotFoundException">Getting a key that is not present.</exception>
    /// <exception cref="ArgumentException">The key is a list or mapping (Python cannot hash it).</exception>
    public object? this[object? key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"key {key} not present");
        set => Set(key, value, 0);
    }

    /// <summary>The value for <paramref name="key"/>, if present.</summary>
    public bool TryGetValue(object? key, out object? value)
    {
        if (PyKey.TryCreate(key, out var k) && _index.TryGetValue(k, out var i))
        {
            value = _values[i];
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>True when <paramref name="key"/> is present.</summary>
    public bool ContainsKey(object? key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<object?, object?>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Count; i++)
        {
            yield return new KeyValuePair<object?, object?>(_keys[i], _values[i]);
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Sets a value, remembering the source line of the key (0 = unknown).</summary>
    internal void Set(object? key, object? value, int line)
    {
        if (!PyKey.TryCreate(key, out var k))
        {
            throw new ArgumentException("a list or mapping cannot be a mapping key", nameof(key));
        }

        if (_index.TryGetValue(k, out var i))
        {
            _values[i] = value;
            if (line > 0)
            {
                _lines[i] = line;
            }

            return;
        }

        _index.Add(k, _keys.Count);
        _keys.Add(key);
        _values.Add(value);
        _lines.Add(line);
    }

    /// <summary>The key object, value and source line of entry <paramref name="index"/>.</summary>
    internal (object? Key, object? Value, int Line) EntryAt(int index) => (_keys[index], _values[index], _lines[index]);
}
