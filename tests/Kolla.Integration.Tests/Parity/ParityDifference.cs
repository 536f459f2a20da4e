namespace Kolla.Tests.Parity;

/// <summary>One file that is not byte-identical between kolla-ansible's tree and ours.</summary>
/// <param name="Host">Inventory host.</param>
/// <param name="Path"><c>&lt;container dir&gt;/&lt;file&gt;</c>.</param>
/// <param name="Kind">How it differs.</param>
/// <param name="ChangedLines">Lines on one side and not the other (counted as multisets), both sides.</param>
/// <param name="Sample">A few of the changed lines, for the failure message.</param>
public sealed record ParityDifference(string Host, string Path, ParityDifferenceKind Kind, IReadOnlyList<string> ChangedLines, string Sample);
