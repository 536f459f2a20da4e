using Kolla.Compat;

namespace Kolla.Inventory;

/// <summary>
/// Inventories, their vars files and extra vars read with Ansible's loader (<see cref="AnsibleYamlProfile.Inventory"/>):
/// JSON first, then YAML 1.1 with PyYAML's implicit types, into the plain values ansible-inventory prints. Errors name
/// the file and line.
/// </summary>
/// <remarks>
/// Plain scalars: <c>yes/no/on/off/true/false</c> (any of the three casings) are booleans; <c>017</c>
/// is octal, <c>0x1F</c> hex, <c>1_000</c> and <c>1:30</c> (base 60) integers; floats need a dot
/// (<c>1.5</c>, <c>1.0e+5</c>; <c>1e5</c> stays text); <c>~</c>, <c>null</c> and empty are null; dates
/// and timestamps become their ISO-8601 text (what ansible-inventory prints). Quoted scalars are text.
/// Duplicate keys: the last value wins at the first position. Merge keys (<c>&lt;&lt;</c>) work.
/// Mapping keys become text the way Python's json writes them. <c>!vault</c> values are refused.
/// The inventory parser also reads the line-numbered nodes (<see cref="Parse"/>, <see cref="Entries"/>).
/// </remarks>
internal static class InventoryYaml
{
    /// <summary>Parses and converts to plain values (null for an empty document).</summary>
    /// <exception cref="InventoryException">Syntax or type errors, with the file and line.</exception>
    public static object? Load(string text, string file) => ToPlain(Parse(text, file), file);

    /// <summary>Parses <paramref name="text"/> as JSON when it is valid JSON, else as one YAML document.</summary>
    /// <returns>The root node, or null for an empty document.</returns>
    /// <exception cref="InventoryException">A YAML syntax error, or more than one document.</exception>
    public static YNode? Parse(string text, string file)
    {
        var root = Guard(file, () => YamlLoader.Compose(text, jsonFirst: true));
        return root is YScalar { Tag: null, Plain: true, Value: "" } ? null : root;
    }

    /// <summary>Whether the value is Python-falsy (ansible skips such vars files).</summary>
    public static bool IsFalsy(object? value) => PyTruth.IsFalsy(value);

    /// <summary>Converts a node to plain values.</summary>
    public static object? ToPlain(YNode? node, string file) =>
        Guard(file, () => new YamlConstructor(AnsibleYamlProfile.Inventory).Construct(node));

    /// <summary>
    /// The entries of a mapping as Python's dict would hold them: merge keys applied, a repeated key
    /// keeping its first position and its last value. Keys are converted to plain values (not text).
    /// </summary>
    public static List<(object? Key, YNode KeyNode, YNode Value)> Entries(YMapping mapping, string file) => Guard(file, () =>
    {
        var constructor = new YamlConstructor(AnsibleYamlProfile.Inventory);
        var result = new List<(object? Key, YNode KeyNode, YNode Value)>();
        var index = new Dictionary<object, int>();
        var nullIndex = -1;
        foreach (var (keyNode, valueNode) in YamlConstructor.Flatten(mapping))
        {
            var key = constructor.ConstructKey(keyNode);
            var existing = key is null ? nullIndex : index.GetValueOrDefault(key, -1);
            if (existing >= 0)
            {
                result[existing] = (result[existing].Key, result[existing].KeyNode, valueNode);
                continue;
            }

            if (key is null)
            {
                nullIndex = result.Count;
            }
            else
            {
                index[key] = result.Count;
            }

            result.Add((key, keyNode, valueNode));
        }

        return result;
    });

    /// <summary>The 1-based line of each string key of a mapping node (empty for anything else).</summary>
    public static IReadOnlyDictionary<string, int> KeyLines(YNode? node, string file)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        if (node is YMapping mapping)
        {
            foreach (var (key, keyNode, _) in Entries(mapping, file))
            {
                if (key is string name)
                {
                    lines[name] = keyNode.Line;
                }
            }
        }

        return lines;
    }

    /// <summary>A plain key as the text Python's json writes for it.</summary>
    public static string KeyText(object? key, string file, int line) =>
        JsonDumps.KeyText(key) ?? throw new InventoryException(file, line, "found unacceptable key (unhashable type)");

    private static T Guard<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (YamlLoadException e)
        {
            throw new InventoryException(file, e.Line, e.IsSyntaxError ? $"YAML syntax error: {e.Message}" : e.Message, e);
        }
    }
}
