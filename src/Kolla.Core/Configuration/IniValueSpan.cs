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

    /// <summary>
    /// <see cref="VerbatimCompact"/> or <see cref="VerbatimSpaced"/> when the source line, from column 0 through its
    /// <c>\n</c>, is exactly <c>key=value</c> or <c>key = value</c> (the writer then copies it whole); 0 otherwise.
    /// </summary>
    public byte Verbatim;

    /// <summary>The line is <c>key=value\n</c>: what the writer writes without whitespace.</summary>
    public const byte VerbatimCompact = 1;

    /// <summary>The line is <c>key = value\n</c>: what the writer writes with whitespace.</summary>
    public const byte VerbatimSpaced = 2;
}
