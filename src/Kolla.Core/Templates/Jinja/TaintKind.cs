namespace Kolla.Templates.Jinja;

/// <summary>How a value carries a secret.</summary>
internal enum TaintKind
{
    /// <summary>All of it: any part taken from it (a character, an element, a key) is secret too.</summary>
    Whole,

    /// <summary>A string of which only some spans are secret (text joined around a secret: <c>'user:' ~ password</c>).</summary>
    Spans,

    /// <summary>A list or dict built from values some of which are secret; each element keeps its own taint.</summary>
    Elements,
}
