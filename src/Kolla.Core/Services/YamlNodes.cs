using YamlDotNet.RepresentationModel;

namespace Kolla.Services;

/// <summary>Reads YamlDotNet nodes into plain values (string, bool, long, list, ordered map) with line-aware errors.</summary>
internal sealed class YamlNodes(string source)
{
    public string Source { get; } = source;

    public CatalogueException Error(YamlNode node, string message) => new(Source, (int)node.Start.Line, message);

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

    public IEnumerable<(string Key, YamlNode Value, YamlNode KeyNode)> Entries(YamlMappingNode map)
    {
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw Error(key, "keys must be plain strings");
            }

            yield return (name, value, key);
        }
    }

    public string Text(YamlNode node, string what) => node switch
    {
        YamlScalarNode { Value: { } value } => value,
        _ => throw Error(node, $"{what} must be a string"),
    };

    public string? OptionalText(YamlMappingNode map, string key, string what) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? NullableText(node, what) : null;

    public string? NullableText(YamlNode node, string what) => node switch
    {
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlScalarNode { Value: { } value } => value,
        _ => throw Error(node, $"{what} must be a string"),
    };

    public IReadOnlyList<string> TextList(YamlNode node, string what) => node switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => NullableText(c, what) ?? "").ToArray(),
        YamlScalarNode scalar when IsNull(scalar) => [],
        _ => throw Error(node, $"{what} must be a list of strings"),
    };

    public IReadOnlyList<KeyValuePair<string, string?>> TextMap(YamlNode node, string what) => node switch
    {
        YamlMappingNode map => Entries(map).Select(e => KeyValuePair.Create(e.Key, NullableText(e.Value, $"{what}.{e.Key}"))).ToArray(),
        YamlScalarNode scalar when IsNull(scalar) => [],
        _ => throw Error(node, $"{what} must be a mapping"),
    };

    /// <summary>Converts any node to plain values; scalars stay strings (they are Jinja text).</summary>
    public object? Plain(YamlNode node) => node switch
    {
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode seq => seq.Children.Select(Plain).ToList(),
        YamlMappingNode map => Entries(map).Aggregate(
            new Dictionary<string, object?>(StringComparer.Ordinal),
            (d, e) =>
            {
                d[e.Key] = Plain(e.Value);
                return d;
            }),
        _ => throw Error(node, "unsupported YAML node"),
    };

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
