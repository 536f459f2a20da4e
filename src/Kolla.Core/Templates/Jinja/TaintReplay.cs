namespace Kolla.Templates.Jinja;

/// <summary>
/// What a lazy evaluation did to its render's <see cref="TaintTracker"/>: the values it marked and how many tainted
/// values it produced or read. Kept with a shared value, so a render that reuses the value taints what it would have
/// tainted by evaluating it (the value's secret spans are masked and followed the same way).
/// </summary>
internal sealed record TaintReplay(IReadOnlyList<TaintMark> Marks, int Reads)
{
    public bool IsEmpty => Marks.Count == 0 && Reads == 0;
}
