namespace Kolla.Compat;

/// <summary>A loaded YAML document as its profile builds the values, with where each top-level key was written.</summary>
/// <param name="Root">
/// The document (for <see cref="AnsibleYamlProfile.Vars"/>: null, <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>,
/// <see cref="List{T}"/> of values or <see cref="OrderedDictionary{TKey,TValue}"/> keyed by string).
/// </param>
/// <param name="Keys">Top-level keys (when the root is a mapping) and their positions.</param>
/// <param name="Warnings">Non-fatal findings (a key written twice in one mapping), each with its line.</param>
internal sealed record YamlDocument(
    object? Root,
    IReadOnlyDictionary<string, YamlKeyInfo> Keys,
    IReadOnlyList<(int Line, string Message)> Warnings);
