namespace Kolla.Compat;

/// <summary>A YAML (or JSON) node with its position, before its tag is resolved and its value constructed.</summary>
/// <remarks>
/// A node reached through an alias is the anchored node itself, so shared structure stays shared (and may be cyclic).
/// </remarks>
internal abstract class YNode(int line, string? tag)
{
    /// <summary>1-based line of the node's start.</summary>
    public int Line { get; } = line;

    /// <summary>
    /// The explicit tag (full form, e.g. <c>tag:yaml.org,2002:str</c>, <c>!unsafe</c>; <c>!</c> for the non-specific
    /// tag), or null; <see cref="YamlTags.Of"/> gives the tag it stands for.
    /// </summary>
    public string? Tag { get; } = tag;
}

/// <summary>A scalar: its text, and whether it was written plain (only plain scalars are typed implicitly).</summary>
internal sealed class YScalar(int line, string? tag, string value, bool plain) : YNode(line, tag)
{
    public string Value { get; } = value;

    public bool Plain { get; } = plain;
}

/// <summary>A sequence.</summary>
internal sealed class YSequence(int line, string? tag, List<YNode> items) : YNode(line, tag)
{
    public List<YNode> Items { get; } = items;
}

/// <summary>A mapping, entries in document order (duplicates and merge keys unresolved).</summary>
internal sealed class YMapping(int line, string? tag, List<KeyValuePair<YNode, YNode>> entries) : YNode(line, tag)
{
    public List<KeyValuePair<YNode, YNode>> Entries { get; } = entries;
}
