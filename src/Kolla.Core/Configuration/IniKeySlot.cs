using System.Runtime.InteropServices;

namespace Kolla.Configuration;

/// <summary>
/// One key of a section during the merge. Only numbers (offsets into the sources' texts), so the arrays that hold
/// the slots are nothing the garbage collector has to trace.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct IniKeySlot
{
    /// <summary>The source (layer) whose text holds the key, as first written.</summary>
    public int KeyLayer;
    public int KeyStart;
    public int KeyLength;

    /// <summary>Number of occurrences (at least 1).</summary>
    public int Count;

    /// <summary>The second and later occurrences as a chain in <see cref="IniOccurrences"/> (-1: none).</summary>
    public int MoreHead;
    public int MoreTail;

    /// <summary>The first occurrence (its layer is the source that set the current occurrences).</summary>
    public IniValueSpan First;
}
