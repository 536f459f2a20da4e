using System.Globalization;
using System.Numerics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kolla.Configuration;

/// <summary>
/// Loads one YAML source the way PyYAML's <c>safe_load</c> does: YamlDotNet parses, then PyYAML's composer rules
/// (single document, anchors, duplicate-anchor errors), resolver (YAML 1.1 implicit types), merge keys (<c>&lt;&lt;</c>)
/// and constructors build the values. Nodes reached through an alias become the same object.
/// </summary>
internal sealed class YamlSourceLoader
{
    private readonly string _source;
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<Node, object?> _constructed = new(ReferenceEqualityComparer.Instance);

    private int _lastLine;

    private YamlSourceLoader(string source) => _source = source;

    private enum NodeKind
    {
        Scalar,
        Sequence,
        Mapping,
    }

    /// <summary>The document's value (null for an empty stream).</summary>
    /// <exception cref="ConfigMergeException">The text is not valid YAML or uses what safe_load rejects.</exception>
    public static object? Load(string text, string source) => new YamlSourceLoader(source).Run(text);

    private object? Run(string text)
    {
        Node? root;
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            root = Compose(parser);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                throw new ConfigMergeException(_source, (int)second.Start.Line, "expected a single document in the stream, but found another document");
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            throw new ConfigMergeException(_source, (int)e.Start.Line, CleanMessage(e), e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
        {
            // YamlDotNet's scanner occasionally fails this way on malformed input instead of with a YamlException.
            throw new ConfigMergeException(_source, _lastLine > 0 ? _lastLine : null, "the text is not valid YAML (the parser stopped after this line)", e);
        }

        return Construct(root);
    }

    private static string CleanMessage(YamlException e)
    {
        // YamlDotNet prefixes "(Line: a, Col: b, Idx: c) - (Line: ...): "; the line is reported separately.
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    /// <summary>Deeper documents are refused (Python's recursion limit stops PyYAML at a similar depth).</summary>
    private const int MaxDepth = 512;

    private Node Compose(IParser parser, int depth = 0)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw Error((int)alias.Start.Line, $"found undefined alias '{alias.Value.Value}'");
            }

            return target;
        }

        var start = parser.Current as NodeEvent ?? throw Error(0, "expected a node");
        var line = (int)start.Start.Line;
        _lastLine = line;
        if (depth > MaxDepth)
        {
            throw Error(line, $"the document is nested deeper than {MaxDepth} levels");
        }

        Node node;
        switch (start)
        {
            case Scalar scalar:
                parser.MoveNext();
                var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific
                    ? (scalar.Style == ScalarStyle.Plain || scalar.Tag.IsNonSpecific ? YamlTags.ResolvePlain(scalar.Value) : YamlTags.Str)
                    : scalar.Tag.Value;
                node = new Node(NodeKind.Scalar, tag, line) { Value = scalar.Value };
                Register(start, node);
                return node;
            case SequenceStart seq:
                parser.MoveNext();
                node = new Node(NodeKind.Sequence, seq.Tag.IsEmpty || seq.Tag.IsNonSpecific ? YamlTags.Seq : seq.Tag.Value, line) { Items = [] };
                Register(start, node);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    node.Items.Add(Compose(parser, depth + 1));
                }

                return node;
            case MappingStart map:
                parser.MoveNext();
                node = new Node(NodeKind.Mapping, map.Tag.IsEmpty || map.Tag.IsNonSpecific ? YamlTags.Map : map.Tag.Value, line) { Pairs = [] };
                Register(start, node);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = Compose(parser, depth + 1);
                    var value = Compose(parser, depth + 1);
                    node.Pairs.Add((key, value));
                }

                return node;
            default:
                throw Error(line, "expected a node");
        }
    }

    private void Register(NodeEvent start, Node node)
    {
        if (start.Anchor.IsEmpty)
        {
            return;
        }

        var name = start.Anchor.Value;
        if (_anchors.TryGetValue(name, out var first))
        {
            throw Error((int)start.Start.Line, $"found duplicate anchor '{name}' (first occurrence on line {first.Line})");
        }

        _anchors[name] = node;
    }

    private object? Construct(Node? node)
    {
        if (node is null)
        {
            return null;
        }

        if (_constructed.TryGetValue(node, out var done))
        {
            return done;
        }

        switch (node.Tag)
        {
            case YamlTags.Map:
                {
                    RequireKind(node, NodeKind.Mapping, "a mapping");
                    var mapping = new YamlMapping();
                    _constructed[node] = mapping;
                    foreach (var (keyNode, valueNode) in Flatten(node))
                    {
                        var key = Construct(keyNode);
                        if (key is YamlMapping or YamlSequence)
                        {
                            throw Error(keyNode.Line, "found unhashable key (a list or mapping cannot be a mapping key)");
                        }

                        mapping.Set(key, Construct(valueNode), keyNode.Line);
                    }

                    return mapping;
                }

            case YamlTags.Seq:
                {
                    RequireKind(node, NodeKind.Sequence, "a sequence");
                    var list = new YamlSequence();
                    _constructed[node] = list;
                    foreach (var item in node.Items!)
                    {
                        list.Add(Construct(item));
                    }

                    return list;
                }
        }

        RequireKind(node, NodeKind.Scalar, "a scalar");
        var value = ConstructScalar(node);
        _constructed[node] = value;
        return value;
    }

    private object? ConstructScalar(Node node)
    {
        var text = node.Value!;
        switch (node.Tag)
        {
            case YamlTags.Str:
                return text;
            case YamlTags.Null:
                return null;
            case YamlTags.Bool:
                return text.ToLowerInvariant() switch
                {
                    "yes" or "true" or "on" => true,
                    "no" or "false" or "off" => false,
                    _ => throw Error(node.Line, $"invalid boolean '{text}'"),
                };
            case YamlTags.Int:
                return ParseInt(node, text);
            case YamlTags.Float:
                return ParseFloat(node, text);
            case YamlTags.Timestamp:
                return ParseTimestamp(node, text);
            case "tag:yaml.org,2002:binary" or "tag:yaml.org,2002:set" or "tag:yaml.org,2002:omap" or "tag:yaml.org,2002:pairs":
                throw Error(node.Line, $"the tag '{node.Tag}' is not supported here");
            default:
                throw Error(node.Line, $"could not determine a constructor for the tag '{node.Tag}'");
        }
    }

    private BigInteger ParseInt(Node node, string text)
    {
        var value = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var sign = BigInteger.One;
        if (value.Length > 0 && value[0] == '-')
        {
            sign = BigInteger.MinusOne;
        }

        if (value.Length > 0 && value[0] is '+' or '-')
        {
            value = value[1..];
        }

        try
        {
            if (value == "0")
            {
                return BigInteger.Zero;
            }

            if (value.StartsWith("0b", StringComparison.Ordinal))
            {
                return sign * ParseDigits(value[2..], 2);
            }

            if (value.StartsWith("0x", StringComparison.Ordinal))
            {
                return sign * ParseDigits(value[2..], 16);
            }

            if (value.StartsWith('0'))
            {
                return sign * ParseDigits(value, 8);
            }

            if (value.Contains(':', StringComparison.Ordinal))
            {
                var total = BigInteger.Zero;
                foreach (var part in value.Split(':'))
                {
                    total = (total * 60) + ParseDigits(part, 10);
                }

                return sign * total;
            }

            return sign * ParseDigits(value, 10);
        }
        catch (FormatException)
        {
            throw Error(node.Line, $"invalid integer '{text}'");
        }
    }

    private static BigInteger ParseDigits(string digits, int radix)
    {
        if (digits.Length == 0)
        {
            throw new FormatException();
        }

        var result = BigInteger.Zero;
        foreach (var c in digits)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
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

    private double ParseFloat(Node node, string text)
    {
        var value = text.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var sign = 1.0;
        if (value.Length > 0 && value[0] == '-')
        {
            sign = -1.0;
        }

        if (value.Length > 0 && value[0] is '+' or '-')
        {
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

        if (value.Contains(':', StringComparison.Ordinal))
        {
            var total = 0.0;
            foreach (var part in value.Split(':'))
            {
                total = (total * 60) + ParseDouble(node, part, text);
            }

            return sign * total;
        }

        return sign * ParseDouble(node, value, text);
    }

    private double ParseDouble(Node node, string value, string text)
    {
        // Python's float() accepts "1.", ".5" and "1.e+5"; so does NumberStyles.Float.
        if (value.Length > 0 && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        throw Error(node.Line, $"invalid float '{text}'");
    }

    private object ParseTimestamp(Node node, string text)
    {
        var m = YamlTags.TimestampParts().Match(text);
        if (!m.Success)
        {
            throw Error(node.Line, $"invalid timestamp '{text}'");
        }

        int Part(string name) => int.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture);
        try
        {
            var date = new DateOnly(Part("year"), Part("month"), Part("day"));
            if (!m.Groups["hour"].Success)
            {
                return new YamlDate(date);
            }

            var fraction = m.Groups["fraction"].Value;
            var micro = fraction.Length == 0 ? 0 : int.Parse(fraction.Length >= 6 ? fraction[..6] : fraction.PadRight(6, '0'), CultureInfo.InvariantCulture);
            var time = new TimeOnly(Part("hour"), Part("minute"), Part("second")).Add(TimeSpan.FromTicks(micro * 10L));
            TimeSpan? offset = null;
            if (m.Groups["tzsign"].Success)
            {
                var delta = new TimeSpan(Part("tzhour"), m.Groups["tzminute"].Success ? Part("tzminute") : 0, 0);
                offset = m.Groups["tzsign"].Value == "-" ? -delta : delta;
                if (offset.Value.Duration() >= TimeSpan.FromHours(24))
                {
                    throw new ArgumentOutOfRangeException(nameof(text));
                }
            }
            else if (m.Groups["tz"].Success)
            {
                offset = TimeSpan.Zero;
            }

            return new YamlTimestamp(date.ToDateTime(time), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Error(node.Line, $"invalid date or time '{text}'");
        }
    }

    /// <summary>PyYAML's merge-key expansion: merged pairs first (later merge sources first), then the mapping's own.</summary>
    private List<(Node Key, Node Value)> Flatten(Node node)
    {
        List<(Node, Node)>? merged = null;
        var own = new List<(Node, Node)>(node.Pairs!.Count);
        foreach (var (key, value) in node.Pairs)
        {
            if (key.Tag == YamlTags.Merge)
            {
                merged ??= [];
                switch (value.Kind)
                {
                    case NodeKind.Mapping:
                        merged.AddRange(Flatten(value));
                        break;
                    case NodeKind.Sequence:
                        var parts = new List<List<(Node, Node)>>();
                        foreach (var item in value.Items!)
                        {
                            if (item.Kind != NodeKind.Mapping)
                            {
                                throw Error(item.Line, $"expected a mapping for merging, but found {Describe(item.Kind)}");
                            }

                            parts.Add(Flatten(item));
                        }

                        parts.Reverse();
                        foreach (var part in parts)
                        {
                            merged.AddRange(part);
                        }

                        break;
                    default:
                        throw Error(value.Line, $"expected a mapping or list of mappings for merging, but found {Describe(value.Kind)}");
                }
            }
            else
            {
                if (key.Tag == YamlTags.Value)
                {
                    key.Tag = YamlTags.Str;
                }

                own.Add((key, value));
            }
        }

        if (merged is null)
        {
            return own;
        }

        merged.AddRange(own);
        return merged;
    }

    private void RequireKind(Node node, NodeKind kind, string what)
    {
        if (node.Kind != kind)
        {
            throw Error(node.Line, $"expected {what} node for the tag '{node.Tag}', but found {Describe(node.Kind)}");
        }
    }

    private static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Scalar => "a scalar",
        NodeKind.Sequence => "a sequence",
        _ => "a mapping",
    };

    private ConfigMergeException Error(int line, string reason) => new(_source, line > 0 ? line : null, reason);

    private sealed class Node(NodeKind kind, string tag, int line)
    {
        public NodeKind Kind { get; } = kind;

        public string Tag { get; set; } = tag;

        public int Line { get; } = line;

        public string? Value { get; init; }

        public List<Node>? Items { get; init; }

        public List<(Node Key, Node Value)>? Pairs { get; init; }
    }
}
