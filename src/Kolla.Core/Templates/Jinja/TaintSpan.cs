namespace Kolla.Templates.Jinja;

/// <summary>A run of characters, in a rendered text or a string value, that carries a secret.</summary>
internal readonly record struct TaintSpan(int Start, int Length)
{
    public int End => Start + Length;

    public TaintSpan Shift(int offset) => new(Start + offset, Length);
}
