namespace Kolla.Configuration;

/// <summary>
/// The second and later occurrences of repeated keys (oslo.config multi-valued options) of the sections one fold
/// worker merged, as chains in one growing array: a key's first occurrence lives in its <see cref="IniKeySlot"/>, the
/// rare rest here.
/// </summary>
internal sealed class IniOccurrences
{
    private (IniValueSpan Value, int Next)[] _nodes = new (IniValueSpan, int)[16];
    private int _count;

    /// <summary>Appends an occurrence to the slot's list.</summary>
    public void Append(ref IniKeySlot slot, in IniValueSpan value)
    {
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _count * 2);
        }

        var node = _count++;
        _nodes[node] = (value, -1);
        if (slot.MoreTail < 0)
        {
            slot.MoreHead = node;
        }
        else
        {
            _nodes[slot.MoreTail].Next = node;
        }

        slot.MoreTail = node;
        slot.Count++;
    }

    /// <summary>Occurrence <paramref name="node"/> and the next one's index (-1 at the end).</summary>
    public ref readonly IniValueSpan Get(int node, out int next)
    {
        ref var entry = ref _nodes[node];
        next = entry.Next;
        return ref entry.Value;
    }
}
