namespace Kolla.Configuration;

/// <summary>
/// Every key slot of a merge in one growing array. It holds only numbers, so however large it gets the garbage
/// collector neither traces nor moves its contents; sections keep indices into it.
/// </summary>
internal sealed class IniKeySlots
{
    private IniKeySlot[] _slots = new IniKeySlot[256];
    private int _count;

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
