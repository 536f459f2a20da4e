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
    /// <summary>Loads the document's value (null for an empty stream).</summary>
    /// <exception cref="YamlLoadException">The text is not YAML, or a value is refused by the profile.</exception>
    public static object? Load(string text, YamlProfile profile, KollaLimits? limits = null) =>
        new YamlConstructor(profile).Construct(Compose(text, profile.JsonFirst, limits));

    /// <summary>Loads the document with where each top-level key was written and the keys written twice.</summary>
    /// <exception cref="YamlLoadException">The text is not YAML, or a value is refused by the profile.</exception>
    public static YamlDocument Read(string text, YamlProfile profile, KollaLimits? limits = null)
    {
        var root = Compose(text, profile.JsonFirst, limits);
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
    /// <remarks>
    /// The limits (docs/limits.md): at most <see cref="KollaLimits.MaxDocumentBytes"/> characters, nested at most
    /// <see cref="KollaLimits.YamlDepth"/> levels with every alias counted as deep as what it stands for, and aliases
    /// expanding the document to at most <see cref="KollaLimits.YamlExpansionFactor"/> times its own size (a collection
    /// counts 1, a scalar its length), or <see cref="KollaLimits.YamlExpandedSize"/> when that is more.
    /// </remarks>
    /// <returns>The root node, or null when the stream holds no document.</returns>
    /// <exception cref="YamlLoadException">The text is not YAML, holds more than one document, misuses anchors, or exceeds a limit.</exception>
    public static YNode? Compose(string text, bool jsonFirst = false, KollaLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= KollaLimits.FromEnvironment();
        if (text.Length > limits.MaxDocumentBytes)
        {
            throw new YamlLoadException(
                LineAt(text, (int)limits.MaxDocumentBytes),
                $"the document is longer than {limits.MaxDocumentBytes} characters (set {KollaLimits.DocumentBytesVariable} to read longer ones)");
        }

        if (jsonFirst && JsonNodes.TryParse(text, out var json))
        {
            return json;
        }

        return new Composer().Run(text);
    }

    private static int LineAt(string text, int offset) => text.AsSpan(0, Math.Min(offset, text.Length)).Count('\n') + 1;

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
        private readonly Dictionary<string, Anchor> _anchors = new(StringComparer.Ordinal);
        private int _lastLine = 1;

        // The document's size as written, and with every alias expanded (what a consumer walking it meets): a collection
        // counts 1, a scalar its length (at least 1).
        private long _composed;
        private long _expanded;

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
                var root = Compose(parser, 0, out _, out _);
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

        // height: the levels of collections the node is (0 for a scalar, 1 for [x]); size: as for _expanded, of the
        // node alone (saturating). A collection at depth d is on level d + 1.
        private YNode Compose(IParser parser, int depth, out int height, out long size)
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                return Resolve(alias, depth, out height, out size);
            }

            var start = parser.Current as NodeEvent ?? throw new YamlLoadException(_lastLine, "expected a node");
            var line = (int)start.Start.Line;
            _lastLine = line;
            if (start is not Scalar && depth >= KollaLimits.YamlDepth)
            {
                throw new YamlLoadException(line, $"the document is nested deeper than {KollaLimits.YamlDepth} levels");
            }

            parser.MoveNext();
            height = start is Scalar ? 0 : 1;
            size = start is Scalar text ? Math.Max(1, text.Value.Length) : 1;
            _composed += size;
            _expanded += size;
            YNode node;
            switch (start)
            {
                case Scalar scalar:
                    node = Register(start, new YScalar(line, TagOf(start), scalar.Value, scalar.Style == ScalarStyle.Plain));
                    break;
                case SequenceStart:
                    {
                        var items = new List<YNode>();
                        node = Register(start, new YSequence(line, TagOf(start), items));
                        while (!parser.TryConsume<SequenceEnd>(out _))
                        {
                            items.Add(Compose(parser, depth + 1, out var itemHeight, out var itemSize));
                            height = Math.Max(height, itemHeight + 1);
                            size = Add(size, itemSize);
                        }

                        break;
                    }

                case MappingStart:
                    {
                        var entries = new List<KeyValuePair<YNode, YNode>>();
                        node = Register(start, new YMapping(line, TagOf(start), entries));
                        while (!parser.TryConsume<MappingEnd>(out _))
                        {
                            var key = Compose(parser, depth + 1, out var keyHeight, out var keySize);
                            entries.Add(new(key, Compose(parser, depth + 1, out var valueHeight, out var valueSize)));
                            height = Math.Max(height, Math.Max(keyHeight, valueHeight) + 1);
                            size = Add(Add(size, keySize), valueSize);
                        }

                        break;
                    }

                default:
                    throw new YamlLoadException(line, "expected a node");
            }

            if (!start.Anchor.IsEmpty)
            {
                _anchors[start.Anchor.Value] = new Anchor(node, height, size, Complete: true);
            }

            return node;
        }

        // An alias stands for the anchored node: as deep and as large as it, wherever it is used.
        private YNode Resolve(AnchorAlias alias, int depth, out int height, out long size)
        {
            var line = (int)alias.Start.Line;
            if (!_anchors.TryGetValue(alias.Value.Value, out var anchor))
            {
                throw new YamlLoadException(line, $"found undefined alias '{alias.Value.Value}'");
            }

            // An alias inside its own anchor makes a cyclic value (as PyYAML builds one); it adds no depth or size here.
            (height, size) = anchor.Complete ? (anchor.Height, anchor.Size) : (0, 1);
            if (depth + height > KollaLimits.YamlDepth)
            {
                throw new YamlLoadException(line, $"the document is nested deeper than {KollaLimits.YamlDepth} levels (through alias '{alias.Value.Value}')");
            }

            _expanded = Add(_expanded, size);
            var allowed = Math.Max(KollaLimits.YamlExpandedSize, KollaLimits.YamlExpansionFactor * _composed);
            if (_expanded > allowed)
            {
                throw new YamlLoadException(
                    line, $"aliases expand the document past {allowed} nodes and characters, {KollaLimits.YamlExpansionFactor} times its own size (alias '{alias.Value.Value}' stands for {size})");
            }

            return anchor.Node;
        }

        private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

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
                throw new YamlLoadException(node.Line, $"found duplicate anchor '{name}' (first occurrence on line {first.Node.Line})");
            }

            _anchors[name] = new Anchor(node, 0, 1, Complete: false);
            return node;
        }

        private readonly record struct Anchor(YNode Node, int Height, long Size, bool Complete);
    }
}
