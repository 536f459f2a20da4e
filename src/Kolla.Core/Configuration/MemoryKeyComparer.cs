namespace Kolla.Configuration;

/// <summary>
/// Ordinal comparison of keys kept as slices of their source text, with span lookups, so a key that is already
/// known costs no allocation and a new key costs no string.
/// </summary>
internal sealed class MemoryKeyComparer :
    IEqualityComparer<ReadOnlyMemory<char>>, IAlternateEqualityComparer<ReadOnlySpan<char>, ReadOnlyMemory<char>>
{
    public static MemoryKeyComparer Instance { get; } = new();

    public bool Equals(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => Span(x).SequenceEqual(Span(y));

    public int GetHashCode(ReadOnlyMemory<char> obj) => string.GetHashCode(Span(obj));

    public bool Equals(ReadOnlySpan<char> alternate, ReadOnlyMemory<char> other) => alternate.SequenceEqual(other.Span);

    public int GetHashCode(ReadOnlySpan<char> alternate) => string.GetHashCode(alternate);

    public ReadOnlyMemory<char> Create(ReadOnlySpan<char> alternate) => alternate.ToString().AsMemory();

    /// <summary>The span of a slice of a string (every key here is one), without ReadOnlyMemory's general-purpose checks.</summary>
    private static ReadOnlySpan<char> Span(ReadOnlyMemory<char> memory) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetString(memory, out var text, out var start, out var length)
            ? text.AsSpan(start, length)
            : memory.Span;
}
