using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kolla.Compat;

/// <summary>
/// The one YAML 1.1 loader: YamlDotNet parses, PyYAML's composer rules build the node graph (one document, anchors
/// and aliases, duplicate anchors refused), and a <see cref="YamlConstructor"/> builds the values the
/// <see cref="YamlProfile"/> asks for (Ansible's vars files and inventories, or PyYAML's <c>safe_load</c>).
/// </summary>
internal static partial class YamlLoader
{
    /// <summary>Deeper documents are refused (Python's recursion limit stops PyYAML at a similar depth).</summary>
    private const int MaxDepth = 512;

    /// <summary>Loads the document's value (null for an empty stream).</summary>
    /// <exception cref="YamlLoadException">The text is not YAML, or a value is refused by the profile.</exception>
    public static object? Load(string text, YamlProfile profile) =>
        new YamlConstructor(profile).Construct(Compose(text, profile.JsonFirst));

    /// <summary>Loads the document with where each top-level key was written and the keys written twice.</summary>
    /// <exception cref="YamlLoadException">The text is not YAML, or a value is refused by the profile.</exception>
    public static YamlDocument Read(string text, YamlProfile profile)
    {
        var root = Compose(text, profile.JsonFirst);
        var constructor = new YamlConstructor(profile);
        var value = constructor.Construct(root);
        var keys = new Dictionary<string, YamlKeyInfo>(StringComparer.Ordinal);
        if (root is YMapping mapping)
        {
            foreach (var (keyNode, valueNode) in mapping.Entries)
            {
                if (YamlTags.Of(keyNode) != YamlTags.Merge)
                {
                    var scalar = valueNode as YScalar;
                    keys[constructor.KeyText(keyNode)] = new YamlKeyInfo(
                        keyNode.Line, valueNode.Line, scalar?.Value, scalar is { Plain: true, Tag: null });
                }
            }
        }

        return new YamlDocument(value, keys, DuplicateKeys(root, constructor));
    }

    /// <summary>
    /// Parses one document into nodes (trying Python's <c>json.loads</c> first when asked, as ansible's DataLoader does).
    /// </summary>
    /// <returns>The root node, or null when the stream holds no document.</returns>
    /// <exception cref="YamlLoadException">The text is not YAML, holds more than one document, or misuses anchors.</exception>
    public static YNode? Compose(string text, bool jsonFirst = false)
    {
        if (jsonFirst && JsonNodes.TryParse(text, out var json))
        {
            return json;
        }

        return new Composer().Run(text);
    }

    // Keys written twice in one mapping (merged keys do not count), in document order; each mapping is visited once.
    private static List<(int Line, string Message)> DuplicateKeys(YNode? root, YamlConstructor constructor)
    {
        var warnings = new List<(int, string)>();
        var visited = new HashSet<YNode>(ReferenceEqualityComparer.Instance);
        Visit(root);
        return warnings;

        void Visit(YNode? node)
        {
            if (node is null or YScalar || !visited.Add(node))
            {
                return;
            }

            if (node is YSequence sequence)
            {
                sequence.Items.ForEach(Visit);
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in ((YMapping)node).Entries)
            {
                Visit(valueNode);
                if (YamlTags.Of(keyNode) != YamlTags.Merge && !seen.Add(constructor.KeyText(keyNode)))
                {
                    warnings.Add((keyNode.Line, $"duplicate key '{constructor.KeyText(keyNode)}'; the last value is used"));
                }
            }
        }
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex YamlDotNetPositionPrefix();

    private sealed class Composer
    {
        private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
        private int _lastLine = 1;

        public YNode? Run(string text)
        {
            if (YamlCharacters.FindUnacceptable(text) is { } refused)
            {
                throw new YamlLoadException(refused.Line, refused.Describe(), syntax: true);
            }

            var scanner = new Scanner(new StringReader(text));
            var parser = new Parser(scanner);
            try
            {
                parser.Consume<StreamStart>();
                if (parser.Accept<StreamEnd>(out _))
                {
                    return null;
                }

                parser.Consume<DocumentStart>();
                var root = Compose(parser, 0);
                parser.Consume<DocumentEnd>();
                if (parser.Accept<DocumentStart>(out var second))
                {
                    throw new YamlLoadException((int)second.Start.Line, "expected a single document in the stream, but found another document");
                }

                parser.Consume<StreamEnd>();
                return root;
            }
            catch (YamlException e)
            {
                // YamlDotNet prefixes "(Line: a, Col: b, Idx: c) - (Line: ...): "; the line is reported separately.
                var (line, message) = YamlSyntaxError.Locate(e, YamlDotNetPositionPrefix().Replace(e.Message, string.Empty), scanner);
                throw new YamlLoadException(line, message, syntax: true, e);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
            {
                // YamlDotNet's scanner occasionally fails this way on malformed input instead of with a YamlException.
                throw new YamlLoadException(_lastLine, "the text is not valid YAML (the parser stopped after this line)", syntax: true, e);
            }
        }

        private YNode Compose(IParser parser, int depth)
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                return _anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlLoadException((int)alias.Start.Line, $"found undefined alias '{alias.Value.Value}'");
            }

            var start = parser.Current as NodeEvent ?? throw new YamlLoadException(_lastLine, "expected a node");
            var line = (int)start.Start.Line;
            _lastLine = line;
            if (depth > MaxDepth)
            {
                throw new YamlLoadException(line, $"the document is nested deeper than {MaxDepth} levels");
            }

            parser.MoveNext();
            switch (start)
            {
                case Scalar scalar:
                    return Register(start, new YScalar(line, TagOf(start), scalar.Value, scalar.Style == ScalarStyle.Plain));
                case SequenceStart:
                    {
                        var items = new List<YNode>();
                        var node = Register(start, new YSequence(line, TagOf(start), items));
                        while (!parser.TryConsume<SequenceEnd>(out _))
                        {
                            items.Add(Compose(parser, depth + 1));
                        }

                        return node;
                    }

                case MappingStart:
                    {
                        var entries = new List<KeyValuePair<YNode, YNode>>();
                        var node = Register(start, new YMapping(line, TagOf(start), entries));
                        while (!parser.TryConsume<MappingEnd>(out _))
                        {
                            var key = Compose(parser, depth + 1);
                            entries.Add(new(key, Compose(parser, depth + 1)));
                        }

                        return node;
                    }

                default:
                    throw new YamlLoadException(line, "expected a node");
            }
        }

        private static string? TagOf(NodeEvent start)
        {
            if (start.Tag.IsEmpty)
            {
                return null;
            }

            if (start.Tag.IsNonSpecific)
            {
                return YamlTags.NonSpecific;
            }

            var tag = start.Tag.Value;
            return tag.StartsWith("!!", StringComparison.Ordinal) ? "tag:yaml.org,2002:" + tag[2..] : tag;
        }

        private YNode Register(NodeEvent start, YNode node)
        {
            if (start.Anchor.IsEmpty)
            {
                return node;
            }

            var name = start.Anchor.Value;
            if (_anchors.TryGetValue(name, out var first))
            {
                throw new YamlLoadException(node.Line, $"found duplicate anchor '{name}' (first occurrence on line {first.Line})");
            }

            _anchors[name] = node;
            return node;
        }
    }
}
