namespace Kolla.Configuration;

/// <summary>
/// The key slots of the sections one fold worker merged, in one growing array, each section's keys consecutive. It
/// holds only numbers, so however large it gets the garbage collector neither traces nor moves its contents; sections
/// keep the index of their first slot.
/// </summary>
internal sealed class IniKeySlots
{
    private IniKeySlot[] _slots;
    private int _count;

    public IniKeySlots(int capacity) => _slots = new IniKeySlot[Math.Max(16, capacity)];

    /// <summary>Number of slots added.</summary>
    public int Count => _count;

    /// <summary>Slot <paramref name="index"/>.</summary>
    public ref IniKeySlot this[int index] => ref _slots[index];

    /// <summary>Adds a slot; returns its index.</summary>
    public int Add(in IniKeySlot slot)
    {
        if (_count == _slots.Length)
        {
            Array.Resize(ref _slots, _count * 2);
        }

        _slots[_count] = slot;
        return _count++;
    }
}
