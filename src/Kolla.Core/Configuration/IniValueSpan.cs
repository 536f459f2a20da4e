using System.Runtime.InteropServices;

namespace Kolla.Configuration;

/// <summary>
/// An occurrence of a key during the merge, as offsets: its first line in its source's text and its continuation
/// lines in <see cref="IniContinuations"/>. <see cref="IniDocument"/> turns it into an <see cref="IniValue"/> on demand.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct IniValueSpan
{
    /// <summary>The source (layer) whose text holds the lines.</summary>
    public int Layer;
    public int Start;
    public int Length;

    /// <summary>0 for an empty value, else 1 + the number of continuation lines.</summary>
    public int LineCount;

    /// <summary>Where the continuation lines start in <see cref="IniContinuations"/>.</summary>
    public int RestStart;

    /// <summary>The 1-based line of the key in its source.</summary>
    public int Line;
}
