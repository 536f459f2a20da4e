using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kolla.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kolla.Inventory;

/// <summary>
/// Reads YAML and JSON the way ansible's <c>DataLoader</c> does: JSON first, then YAML 1.1 with
/// PyYAML's implicit types, into plain .NET values.
/// </summary>
/// <remarks>
/// Plain scalars: <c>yes/no/on/off/true/false</c> (any of the three casings) are booleans; <c>017</c>
/// is octal, <c>0x1F</c> hex, <c>1_000</c> and <c>1:30</c> (base 60) integers; floats need a dot
/// (<c>1.5</c>, <c>1.0e+5</c>; <c>1e5</c> stays text); <c>~</c>, <c>null</c> and empty are null; dates
/// and timestamps become their ISO-8601 text (what ansible-inventory prints). Quoted scalars are text.
/// Duplicate keys: the last value wins at the first position. Merge keys (<c>&lt;&lt;</c>) work.
/// Mapping keys become text the way Python's json writes them. <c>!vault</c> values are refused.
/// <para>Kept apart from <see cref="YamlSourceLoader"/> (PyYAML <c>safe_load</c> for kolla's merge_yaml: Python
/// keys, dates as objects, shared aliases) and <c>Kolla.Variables.Yaml.YamlValueReader</c> (vars files into
/// plain values) on purpose: this one tries JSON first, keeps line-numbered nodes for the inventory parser and
/// prints timestamps as text, as ansible-inventory does. All three share the YAML 1.1 typing in <see cref="YamlTags"/>.</para>
/// </remarks>
internal static partial class AnsibleYaml
{
    /// <summary>Parses and converts to plain values (null for an empty document).</summary>
    /// <exception cref="InventoryException">Syntax or type errors, with the file and line.</exception>
    public static object? Load(string text, string file) => ToPlain(Parse(text, file), file);

    /// <summary>Parses <paramref name="text"/> as JSON when it is valid JSON, else as one YAML document.</summary>
    /// <returns>The root node, or null for an empty document.</returns>
    /// <exception cref="InventoryException">A YAML syntax error, or more than one document.</exception>
    public static YNode? Parse(string text, string file)
    {
        if (TryParseJson(text, out var json))
        {
            return json;
        }

        return ParseYaml(text, file);
    }

    /// <summary>Whether the text is a Python-truthy empty value (ansible skips such vars files).</summary>
    public static bool IsFalsy(object? value) => value switch
    {
        null => true,
        bool b => !b,
        string s => s.Length == 0,
        long l => l == 0,
        BigInteger b => b.IsZero,
        double d => d == 0,
        ICollection<KeyValuePair<string, object?>> d => d.Count == 0,
        List<object?> l => l.Count == 0,
        _ => false,
    };

    /// <summary>Converts a node to plain values.</summary>
    public static object? ToPlain(YNode? node, string file) =>
        node is null ? null : new Converter(file).Convert(node);

    /// <summary>
    /// The entries of a mapping as Python's dict would hold them: merge keys applied, a repeated key
    /// keeping its first position and its last value. Keys are converted to plain values (not text).
    /// </summary>
    public static List<(object? Key, YNode KeyNode, YNode Value)> Entries(YMapping mapping, string file)
    {
        var converter = new Converter(file);
        var result = new List<(object? Key, YNode KeyNode, YNode Value)>();
        var index = new Dictionary<object, int>();
        var nullIndex = -1;
        foreach (var (keyNode, valueNode) in Flatten(mapping, file))
        {
            var key = converter.Convert(keyNode);
            if (key is List<object?> or Dictionary<string, object?>)
            {
                throw new InventoryException(file, keyNode.Line, "found unacceptable key (unhashable type)");
            }

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
    }

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
        AnsibleJson.KeyText(key) ?? throw new InventoryException(file, line, "found unacceptable key (unhashable type)");

    // PyYAML's flatten_mapping: merged entries first (later merge sources first), own entries after.
    private static List<KeyValuePair<YNode, YNode>> Flatten(YMapping mapping, string file)
    {
        List<KeyValuePair<YNode, YNode>>? merged = null;
        var own = new List<KeyValuePair<YNode, YNode>>();
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key is YScalar { Tag: null, Plain: true, Value: "<<" })
            {
                merged ??= [];
                switch (entry.Value)
                {
                    case YMapping source:
                        merged.AddRange(Flatten(source, file));
                        break;
                    case YSequence sources:
                        {
                            var parts = new List<List<KeyValuePair<YNode, YNode>>>();
                            foreach (var item in sources.Items)
                            {
                                if (item is not YMapping sub)
                                {
                                    throw new InventoryException(file, item.Line, "expected a mapping for merging");
                                }

                                parts.Add(Flatten(sub, file));
                            }

                            parts.Reverse();
                            foreach (var part in parts)
                            {
                                merged.AddRange(part);
                            }

                            break;
                        }

                    default:
                        throw new InventoryException(file, entry.Value.Line, "expected a mapping or list of mappings for merging");
                }
            }
            else
            {
                own.Add(entry);
            }
        }

        if (merged is null)
        {
            return own;
        }

        merged.AddRange(own);
        return merged;
    }

    private sealed class Converter(string file)
    {
        private readonly Dictionary<YNode, object?> _done = new(ReferenceEqualityComparer.Instance);

        public object? Convert(YNode node)
        {
            if (node is not YScalar && _done.TryGetValue(node, out var cached))
            {
                return cached;
            }

            switch (node)
            {
                case YScalar scalar:
                    return ConvertScalar(scalar);
                case YSequence sequence:
                    {
                        CheckCollectionTag(node, YamlTags.Seq);
                        var list = new List<object?>(sequence.Items.Count);
                        _done[node] = list;
                        foreach (var item in sequence.Items)
                        {
                            list.Add(Convert(item));
                        }

                        return list;
                    }

                case YMapping mapping:
                    {
                        CheckCollectionTag(node, YamlTags.Map);
                        var dict = new Dictionary<string, object?>(StringComparer.Ordinal);
                        _done[node] = dict;
                        foreach (var (key, keyNode, value) in Entries(mapping, file))
                        {
                            dict[KeyText(key, file, keyNode.Line)] = Convert(value);
                        }

                        return dict;
                    }

                default:
                    throw new UnreachableException();
            }
        }

        private void CheckCollectionTag(YNode node, string expected)
        {
            if (node.Tag is null or "!" or "!unsafe" || node.Tag == expected)
            {
                return;
            }

            throw new InventoryException(file, node.Line, $"could not determine a constructor for the tag '{node.Tag}'");
        }

        private object? ConvertScalar(YScalar scalar)
        {
            var tag = scalar.Tag;
            if (tag is null)
            {
                tag = scalar.Plain ? YamlTags.ResolvePlain(scalar.Value) : YamlTags.Str;
            }

            switch (tag)
            {
                case "!" or "!unsafe" or YamlTags.Str:
                    return scalar.Value;
                case YamlTags.Null:
                    return null;
                case YamlTags.Bool:
                    return scalar.Value.ToLowerInvariant() switch
                    {
                        "yes" or "true" or "on" => true,
                        "no" or "false" or "off" => false,
                        _ => throw Bad(scalar, "bool"),
                    };
                case YamlTags.Int:
                    return ConstructInt(scalar);
                case YamlTags.Float:
                    return ConstructFloat(scalar);
                case YamlTags.Timestamp:
                    return ConstructTimestamp(scalar);
                case "!vault" or "!vault-encrypted":
                    throw new InventoryException(file, scalar.Line, "found a !vault value; vault-encrypted inventories and vars files are not supported");
                case YamlTags.Merge or YamlTags.Value:
                default:
                    throw new InventoryException(file, scalar.Line, $"could not determine a constructor for the tag '{tag}'");
            }
        }

        private InventoryException Bad(YScalar scalar, string type) =>
            new(file, scalar.Line, $"'{scalar.Value}' is not a valid {type}");

        private object ConstructInt(YScalar scalar)
        {
            var value = scalar.Value.Replace("_", string.Empty, StringComparison.Ordinal);
            var sign = 1;
            if (value.Length > 0 && value[0] is '-' or '+')
            {
                sign = value[0] == '-' ? -1 : 1;
                value = value[1..];
            }

            try
            {
                BigInteger result;
                if (value == "0")
                {
                    result = BigInteger.Zero;
                }
                else if (value.StartsWith("0b", StringComparison.Ordinal))
                {
                    result = ParseRadix(value[2..], 2);
                }
                else if (value.StartsWith("0x", StringComparison.Ordinal))
                {
                    result = ParseRadix(value[2..], 16);
                }
                else if (value.Length > 0 && value[0] == '0')
                {
                    result = ParseRadix(value, 8);
                }
                else if (value.Contains(':', StringComparison.Ordinal))
                {
                    result = BigInteger.Zero;
                    foreach (var part in value.Split(':'))
                    {
                        result = (result * 60) + BigInteger.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
                    }
                }
                else
                {
                    result = BigInteger.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                }

                return PythonLiteral.Normalize(sign * result);
            }
            catch (FormatException)
            {
                throw Bad(scalar, "int");
            }
        }

        private static BigInteger ParseRadix(string digits, int radix)
        {
            if (digits.Length == 0)
            {
                throw new FormatException();
            }

            var result = BigInteger.Zero;
            foreach (var ch in digits)
            {
                var d = ch switch
                {
                    >= '0' and <= '9' => ch - '0',
                    >= 'a' and <= 'f' => ch - 'a' + 10,
                    >= 'A' and <= 'F' => ch - 'A' + 10,
                    _ => 99,
                };
                if (d >= radix)
                {
                    throw new FormatException();
                }

                result = (result * radix) + d;
            }

            return result;
        }

        private object ConstructFloat(YScalar scalar)
        {
            var value = scalar.Value.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
            var sign = 1.0;
            if (value.Length > 0 && value[0] is '-' or '+')
            {
                sign = value[0] == '-' ? -1 : 1;
                value = value[1..];
            }

            if (value == ".inf")
            {
                return sign * double.PositiveInfinity;
            }

            if (value == ".nan")
            {
                return double.NaN;
            }

            try
            {
                if (value.Contains(':', StringComparison.Ordinal))
                {
                    var result = 0.0;
                    foreach (var part in value.Split(':'))
                    {
                        result = (result * 60) + ParseDouble(part);
                    }

                    return sign * result;
                }

                return sign * ParseDouble(value);
            }
            catch (FormatException)
            {
                throw Bad(scalar, "float");
            }
        }

        private static double ParseDouble(string text) =>
            double.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        // PyYAML builds a date or datetime; ansible-inventory prints them with isoformat().
        private string ConstructTimestamp(YScalar scalar)
        {
            var m = YamlTags.TimestampParts().Match(scalar.Value);
            if (!m.Success)
            {
                throw Bad(scalar, "timestamp");
            }

            int Part(string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
            try
            {
                var date = new DateOnly(Part("year"), Part("month"), Part("day"));
                if (!m.Groups["hour"].Success)
                {
                    return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                var time = new TimeOnly(Part("hour"), Part("minute"), Part("second"));
                var text = new StringBuilder()
                    .Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Append('T')
                    .Append(time.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
                var fraction = m.Groups["fraction"].Value;
                if (fraction.Length > 0)
                {
                    fraction = fraction.Length > 6 ? fraction[..6] : fraction.PadRight(6, '0');
                    if (int.Parse(fraction, CultureInfo.InvariantCulture) != 0)
                    {
                        text.Append('.').Append(fraction);
                    }
                }

                if (m.Groups["tzsign"].Success)
                {
                    var hours = Part("tzhour");
                    var minutes = m.Groups["tzminute"].Success ? Part("tzminute") : 0;
                    if ((hours * 60) + minutes >= 24 * 60)
                    {
                        throw new ArgumentOutOfRangeException(nameof(scalar));
                    }

                    text.Append(m.Groups["tzsign"].Value)
                        .Append(hours.ToString("00", CultureInfo.InvariantCulture))
                        .Append(':')
                        .Append(minutes.ToString("00", CultureInfo.InvariantCulture));
                }
                else if (m.Groups["tz"].Success)
                {
                    text.Append("+00:00");
                }

                return text.ToString();
            }
            catch (ArgumentOutOfRangeException)
            {
                throw Bad(scalar, "timestamp");
            }
        }
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex YamlDotNetPositionPrefix();

    private static YNode? ParseYaml(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
        YNode? root = null;
        var documents = 0;
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.TryConsume<StreamEnd>(out _))
            {
                var start = parser.Consume<DocumentStart>();
                documents++;
                if (documents > 1)
                {
                    throw new InventoryException(file, (int)start.Start.Line, "expected a single document in the stream");
                }

                root = ReadNode(parser, anchors, file);
                parser.Consume<DocumentEnd>();
            }
        }
        catch (YamlException e)
        {
            var message = YamlDotNetPositionPrefix().Replace(e.Message, string.Empty);
            throw new InventoryException(file, (int)e.Start.Line, $"YAML syntax error: {message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner gives up on some malformed input without a position of its own.
            var line = parser.Current is { } current ? (int?)current.End.Line : null;
            throw new InventoryException(file, line, "YAML syntax error: the document could not be scanned", e);
        }

        return root is YScalar { Tag: null, Plain: true, Value: "" } ? null : root;
    }

    private static YNode ReadNode(IParser parser, Dictionary<string, YNode> anchors, string file)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new InventoryException(file, (int)alias.Start.Line, $"found undefined alias '{alias.Value.Value}'");
            }

            return target;
        }

        YNode node;
        string? anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            var plain = scalar.Style == ScalarStyle.Plain;
            node = new YScalar((int)scalar.Start.Line, TagOf(scalar.Tag), scalar.Value, plain);
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, anchors, file));
            }

            node = new YSequence((int)sequenceStart.Start.Line, TagOf(sequenceStart.Tag), items);
            anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            var entries = new List<KeyValuePair<YNode, YNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, anchors, file);
                var value = ReadNode(parser, anchors, file);
                entries.Add(new(key, value));
            }

            node = new YMapping((int)mappingStart.Start.Line, TagOf(mappingStart.Tag), entries);
            anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
        }

        if (anchor is not null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.Value;

    // Python's json.loads, keeping positions: ints stay ints, numbers with '.', 'e' or 'E' are floats.
    private static bool TryParseJson(string text, out YNode? node)
    {
        node = null;
        var trimmed = text.AsSpan().TrimStart(" \t\r\n");
        if (trimmed.IsEmpty)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            node = ReadJson(ref reader, lineStarts);
            return !reader.Read();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            node = null;
            return false;
        }
    }

    private static YNode ReadJson(ref Utf8JsonReader reader, List<int> lineStarts)
    {
        var line = LineOf(lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                {
                    var entries = new List<KeyValuePair<YNode, YNode>>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var keyLine = LineOf(lineStarts, reader.TokenStartIndex);
                        var key = new YScalar(keyLine, YamlTags.Str, reader.GetString()!, false);
                        reader.Read();
                        entries.Add(new(key, ReadJson(ref reader, lineStarts)));
                    }

                    return new YMapping(line, null, entries);
                }

            case JsonTokenType.StartArray:
                {
                    var items = new List<YNode>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(ReadJson(ref reader, lineStarts));
                    }

                    return new YSequence(line, null, items);
                }

            case JsonTokenType.String:
                return new YScalar(line, YamlTags.Str, reader.GetString()!, false);
            case JsonTokenType.Number:
                {
                    var raw = Encoding.UTF8.GetString(reader.ValueSpan);
                    var isFloat = raw.AsSpan().IndexOfAny(".eE") >= 0;
                    return new YScalar(line, isFloat ? YamlTags.Float : YamlTags.Int, raw, false);
                }

            case JsonTokenType.True:
                return new YScalar(line, YamlTags.Bool, "true", false);
            case JsonTokenType.False:
                return new YScalar(line, YamlTags.Bool, "false", false);
            case JsonTokenType.Null:
                return new YScalar(line, YamlTags.Null, "null", false);
            default:
                throw new JsonException();
        }
    }

    private static int LineOf(List<int> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch((int)offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
