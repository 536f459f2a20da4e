namespace Kolla.Compat;

/// <summary>
/// Reads the nodes of Kolla's own YAML formats (the service catalogue, <c>unimplemented.yml</c>): scalars stay text
/// (they are Jinja text), errors name the line through the reader's own exception.
/// </summary>
/// <param name="error">Makes the reader's exception from a 1-based line and a message.</param>
internal sealed class YamlNodes(Func<int, string, Exception> error)
{
    /// <summary>Parses one document into nodes (null when the text holds none).</summary>
    /// <exception cref="Exception">The reader's own: the text is not YAML, or holds more than one document.</exception>
    public YNode? Parse(string text)
    {
        try
        {
            return YamlLoader.Compose(text);
        }
        catch (YamlLoadException e)
        {
            throw error(e.Line, e.Message);
        }
    }

    /// <summary>The reader's exception for a problem at <paramref name="node"/>.</summary>
    public Exception Error(YNode node, string message) => error(node.Line, message);

    public YMapping Mapping(YNode node, string what) =>
        node as YMapping ?? throw Error(node, $"{what} must be a mapping");

    /// <summary>The entries of a mapping, keys as their text; a key written twice is refused.</summary>
    public IEnumerable<(string Key, YNode Value, YNode KeyNode)> Entries(YMapping map)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (key is not YScalar { Value: var name })
            {
                throw Error(key, "keys must be plain strings");
            }

            if (!seen.Add(name))
            {
                throw Error(key, $"duplicate key '{name}'");
            }

            yield return (name, value, key);
        }
    }

    /// <summary>The value of the scalar key <paramref name="key"/>, or null when the mapping has none.</summary>
    public static YNode? Find(YMapping map, string key) =>
        map.Entries.FirstOrDefault(e => e.Key is YScalar scalar && scalar.Value == key).Value;

    public string Text(YNode node, string what) => node switch
    {
        YScalar scalar => scalar.Value,
        _ => throw Error(node, $"{what} must be a string"),
    };

    public string? OptionalText(YMapping map, string key, string what) =>
        Find(map, key) is { } node ? NullableText(node, what) : null;

    public string? NullableText(YNode node, string what) => node switch
    {
        YScalar scalar when IsNull(scalar) => null,
        YScalar scalar => scalar.Value,
        _ => throw Error(node, $"{what} must be a string"),
    };

    public IReadOnlyList<string> TextList(YNode node, string what) => node switch
    {
        YSequence seq => seq.Items.Select(c => NullableText(c, what) ?? "").ToArray(),
        YScalar scalar when IsNull(scalar) => [],
        _ => throw Error(node, $"{what} must be a list of strings"),
    };

    public IReadOnlyList<KeyValuePair<string, string?>> TextMap(YNode node, string what) => node switch
    {
        YMapping map => Entries(map).Select(e => KeyValuePair.Create(e.Key, NullableText(e.Value, $"{what}.{e.Key}"))).ToArray(),
        YScalar scalar when IsNull(scalar) => [],
        _ => throw Error(node, $"{what} must be a mapping"),
    };

    /// <summary>Converts any node to plain values; scalars stay strings (they are Jinja text).</summary>
    public object? Plain(YNode node) => node switch
    {
        YScalar scalar when IsNull(scalar) => null,
        YScalar scalar => scalar.Value,
        YSequence seq => seq.Items.Select(Plain).ToList(),
        _ => Entries((YMapping)node).Aggregate(
            new Dictionary<string, object?>(StringComparer.Ordinal),
            (d, e) =>
            {
                d[e.Key] = Plain(e.Value);
                return d;
            }),
    };

    private static bool IsNull(YScalar scalar) => scalar.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
}
