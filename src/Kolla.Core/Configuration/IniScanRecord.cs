using System.Runtime.InteropServices;

namespace Kolla.Configuration;

/// <summary>
/// One step of a scanned source, in source order: a section header (<see cref="IsSection"/>) or a committed
/// assignment. Offsets into the source's text; the hash of the key or section name is computed during the scan, so
/// the merge (which must run in source order) only looks up and compares.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct IniScanRecord
{
    /// <summary>The key's (or section name's) offset and length in the source's text.</summary>
    public int KeyStart;
    public int KeyLength;

    /// <summary><see cref="IniKeyHash"/> of the key or section name.</summary>
    public int Hash;

    /// <summary>For an assignment, the <see cref="IniSection.Index"/> of its section (set by the merge).</summary>
    public int Section;

    /// <summary>The occurrence (its layer is set by the merge); for a header only its line.</summary>
    public IniValueSpan Value;

    /// <summary>The <see cref="IniValueSpan.LineCount"/> that marks a section header.</summary>
    public const int SectionHeader = -1;

    /// <summary>True for a section header.</summary>
    public readonly bool IsSection => Value.LineCount == SectionHeader;
}
