using Kolla.Compat;

namespace Kolla.Configuration;

/// <summary>
/// One occurrence of a key: the lines of its value (first line plus continuation lines), or no lines for an empty
/// value (<c>key =</c>).
/// </summary>
/// <remarks>
/// Lines are kept as slices of the source text, so building a document does not copy values; <see cref="Lines"/>
/// makes strings on demand.
/// </remarks>
public readonly struct IniValue : IEquatable<IniValue>
{
    private readonly ReadOnlyMemory<char> _first;
    private readonly ReadOnlyMemory<char>[]? _rest;
    private readonly int _lineCount;

    internal IniValue(ReadOnlyMemory<char> first, ReadOnlyMemory<char>[]? rest, int lineCount, IniOrigin origin)
    {
        _first = first;
        _rest = rest;
        _lineCount = lineCount;
        Origin = origin;
    }

    /// <summary>Where this occurrence was set.</summary>
    public IniOrigin Origin { get; }

    /// <summary>Number of lines: 0 for an empty value, 1 plus the number of continuation lines otherwise.</summary>
    public int LineCount => _lineCount;

    /// <summary>True for an empty value (<c>key =</c>), written back as <c>key =</c>.</summary>
    public bool IsEmpty => _lineCount == 0;

    /// <summary>The lines as strings (allocates).</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            var lines = new string[_lineCount];
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = GetLine(i).ToString();
            }

            return lines;
        }
    }

    /// <summary>Creates a value from lines (an empty list is an empty value).</summary>
    public static IniValue Create(IReadOnlyList<string> lines, IniOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return new IniValue(default, null, 0, origin);
        }

        ReadOnlyMemory<char>[]? rest = null;
        if (lines.Count > 1)
        {
            rest = new ReadOnlyMemory<char>[lines.Count - 1];
            for (var i = 1; i < lines.Count; i++)
            {
                rest[i - 1] = lines[i].AsMemory();
            }
        }

        return new IniValue(lines[0].AsMemory(), rest, lines.Count, origin);
    }

    /// <summary>Line <paramref name="index"/> of the value, without indentation.</summary>
    public ReadOnlySpan<char> GetLine(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _lineCount);
        return index == 0 ? _first.Span : _rest![index - 1].Span;
    }

    /// <summary>This occurrence as merge_configs writes it under <paramref name="key"/> (lines joined with <c>\n</c>, no final newline).</summary>
    public string Format(string key, bool whitespace = true)
    {
        ArgumentNullException.ThrowIfNull(key);
        var ws = whitespace ? " " : string.Empty;
        if (IsEmpty)
        {
            return key + ws + "=";
        }

        var indent = new string(' ', PyText.CodePointLength(key) + (2 * ws.Length) + 1);
        var sb = new System.Text.StringBuilder();
        sb.Append(key).Append(ws).Append('=').Append(ws).Append(GetLine(0));
        for (var i = 1; i < _lineCount; i++)
        {
            sb.Append('\n').Append(indent).Append(GetLine(i));
        }

        return sb.ToString();
    }

    /// <summary>Same lines (the origin is not compared).</summary>
    public bool Equals(IniValue other)
    {
        if (_lineCount != other._lineCount)
        {
            return false;
        }

        for (var i = 0; i < _lineCount; i++)
        {
            if (!GetLine(i).SequenceEqual(other.GetLine(i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IniValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_lineCount);
        for (var i = 0; i < _lineCount; i++)
        {
            hash.Add(string.GetHashCode(GetLine(i)));
        }

        return hash.ToHashCode();
    }

    /// <summary>The lines joined with <c>\n</c>.</summary>
    public override string ToString() => string.Join('\n', Lines);

    /// <summary>Same lines.</summary>
    public static bool operator ==(IniValue left, IniValue right) => left.Equals(right);

    /// <summary>Different lines.</summary>
    public static bool operator !=(IniValue left, IniValue right) => !left.Equals(right);
}
