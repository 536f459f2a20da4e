using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Kolla.Variables.Yaml;

/// <summary>
/// Reads one YAML document into plain values the way Ansible's loader sees it: YAML 1.1 scalar typing,
/// anchors and aliases, <c>&lt;&lt;</c> merge keys, and duplicate keys where the last one wins (with a warning).
/// </summary>
internal static class YamlValueReader
{
    public static YamlDocument Read(string text)
    {
        var state = new ReaderState(new Parser(new StringReader(text)));
        try
        {
            return state.ReadDocument();
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            throw new YamlLoadException((int)ex.Start.Line, (int)ex.Start.Column, TrimMessage(message), ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner gives up on some malformed input without a position; report the last good one.
            throw new YamlLoadException(state.LastLine, 0, "malformed YAML after this line", ex);
        }
    }

    private static string TrimMessage(string message)
    {
        // YamlDotNet prefixes messages with "(Line: n, Col: m, Idx: k) - (...): "; keep the words only.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        var result = cut >= 0 ? message[(cut + 3)..] : message;
        return result.TrimEnd('.').Trim();
    }

    private sealed class ReaderState(IParser parser)
    {
        private readonly Dictionary<string, object?> _anchors = new(StringComparer.Ordinal);
        private readonly List<(int, string)> _warnings = [];

        public int LastLine { get; private set; } = 1;

        public YamlDocument ReadDocument()
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return new YamlDocument(null, new Dictionary<string, YamlKeyInfo>(), _warnings);
            }

            parser.Consume<DocumentStart>();
            var keys = new Dictionary<string, YamlKeyInfo>(StringComparer.Ordinal);
            var root = ReadNode(keys);
            parser.Consume<DocumentEnd>();
            if (parser.Current is DocumentStart second)
            {
                throw new YamlLoadException((int)second.Start.Line, (int)second.Start.Column, "expected a single document, found a second one");
            }

            return new YamlDocument(root, keys, _warnings);
        }

        private object? ReadNode(Dictionary<string, YamlKeyInfo>? topKeys = null)
        {
            var current = parser.Current ?? throw new YamlLoadException(LastLine, 0, "unexpected end of document");
            LastLine = (int)current.Start.Line;
            switch (current)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var aliased))
                    {
                        throw new YamlLoadException((int)alias.Start.Line, (int)alias.Start.Column, $"unknown alias '*{alias.Value.Value}'");
                    }

                    return aliased;
                case Scalar scalar:
                    parser.MoveNext();
                    var value = ResolveScalar(scalar);
                    Remember(scalar.Anchor, value);
                    return value;
                case SequenceStart start:
                    {
                        parser.MoveNext();
                        var list = new List<object?>();
                        Remember(start.Anchor, list);
                        while (!parser.TryConsume<SequenceEnd>(out _))
                        {
                            list.Add(ReadNode());
                        }

                        return list;
                    }

                case MappingStart start:
                    {
                        parser.MoveNext();
                        var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                        Remember(start.Anchor, map);
                        ReadMappingBody(map, topKeys);
                        return map;
                    }

                default:
                    throw new YamlLoadException((int)current.Start.Line, (int)current.Start.Column, $"unexpected {current.GetType().Name}");
            }
        }

        private void ReadMappingBody(OrderedDictionary<string, object?> map, Dictionary<string, YamlKeyInfo>? topKeys)
        {
            List<OrderedDictionary<string, object?>>? merges = null;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyEvent = parser.Current!;
                if (keyEvent is not Scalar and not AnchorAlias)
                {
                    throw new YamlLoadException((int)keyEvent.Start.Line, (int)keyEvent.Start.Column, "mapping keys must be scalars");
                }

                var keyValue = ReadNode();
                if (keyValue is List<object?> or OrderedDictionary<string, object?>)
                {
                    throw new YamlLoadException((int)keyEvent.Start.Line, (int)keyEvent.Start.Column, "mapping keys must be scalars");
                }

                var isMerge = keyEvent is Scalar { Value: "<<", Style: ScalarStyle.Plain };
                var valueEvent = parser.Current!;
                var value = ReadNode();
                if (isMerge)
                {
                    merges ??= [];
                    CollectMerge(value, merges, valueEvent);
                    continue;
                }

                var key = PythonText.Str(keyValue);
                if (map.ContainsKey(key))
                {
                    _warnings.Add(((int)keyEvent.Start.Line, $"duplicate key '{key}'; the last value is used"));
                }

                map[key] = value;
                if (topKeys is not null)
                {
                    var scalar = valueEvent as Scalar;
                    topKeys[key] = new YamlKeyInfo(
                        (int)keyEvent.Start.Line,
                        (int)valueEvent.Start.Line,
                        scalar?.Value,
                        scalar is { Style: ScalarStyle.Plain } && scalar.Tag.IsEmpty);
                }
            }

            if (merges is null)
            {
                return;
            }

            // Merged keys never override keys written in the mapping itself; earlier merge sources win.
            foreach (var source in merges)
            {
                foreach (var (k, v) in source)
                {
                    map.TryAdd(k, v);
                }
            }
        }

        private static void CollectMerge(object? value, List<OrderedDictionary<string, object?>> merges, ParsingEvent at)
        {
            switch (value)
            {
                case OrderedDictionary<string, object?> single:
                    merges.Add(single);
                    break;
                case List<object?> many when many.TrueForAll(m => m is OrderedDictionary<string, object?>):
                    merges.AddRange(many.Cast<OrderedDictionary<string, object?>>());
                    break;
                default:
                    throw new YamlLoadException((int)at.Start.Line, (int)at.Start.Column, "a '<<' merge key needs a mapping or a list of mappings");
            }
        }

        private static object? ResolveScalar(Scalar scalar)
        {
            if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
            {
                var tag = scalar.Tag.Value;
                if (tag.StartsWith("!!", StringComparison.Ordinal))
                {
                    tag = "tag:yaml.org,2002:" + tag[2..];
                }

                if (YamlScalarResolver.TryResolveTagged(tag, scalar.Value, out var tagged))
                {
                    return tagged;
                }

                throw new YamlLoadException((int)scalar.Start.Line, (int)scalar.Start.Column, $"'{scalar.Value}' is not a valid {tag}");
            }

            return scalar.Style == ScalarStyle.Plain ? YamlScalarResolver.ResolvePlain(scalar.Value) : scalar.Value;
        }

        private void Remember(AnchorName anchor, object? value)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = value;
            }
        }
    }
}
