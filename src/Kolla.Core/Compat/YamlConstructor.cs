using System.Globalization;
using System.Numerics;

namespace Kolla.Compat;

/// <summary>
/// Builds values from a node graph the way PyYAML's <c>SafeConstructor</c> does, into what a <see cref="YamlProfile"/>
/// asks for: one value per node (a node reached twice through aliases is the same object, cycles included), merge keys
/// (<c>&lt;&lt;</c>) expanded, the YAML 1.1 scalar types parsed as Python parses them.
/// </summary>
/// <remarks>One instance per document: it remembers what it built.</remarks>
internal sealed class YamlConstructor(YamlProfile profile)
{
    private readonly Dictionary<YNode, object?> _done = new(ReferenceEqualityComparer.Instance);

    /// <summary>The value of <paramref name="node"/> (null for null).</summary>
    /// <exception cref="YamlLoadException">A value the profile or YAML's rules refuse, with its line.</exception>
    public object? Construct(YNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (_done.TryGetValue(node, out var done))
        {
            return done;
        }

        var tag = YamlTags.Of(node);
        switch (node)
        {
            case YScalar scalar:
                {
                    var value = ConstructScalar(scalar, tag);
                    _done[node] = value;
                    return value;
                }

            case YSequence sequence:
                {
                    Check(node, tag, YamlTags.Seq);
                    var list = profile.NewSequence();
                    _done[node] = list;
                    foreach (var item in sequence.Items)
                    {
                        profile.AddItem(list, Construct(item));
                    }

                    return list;
                }

            default:
                {
                    Check(node, tag, YamlTags.Map);
                    var mapping = profile.NewMapping();
                    _done[node] = mapping;
                    foreach (var (keyNode, valueNode) in Flatten((YMapping)node))
                    {
                        profile.SetEntry(mapping, ConstructKey(keyNode), Construct(valueNode), keyNode.Line);
                    }

                    return mapping;
                }
        }
    }

    /// <summary>The value of a mapping key (a scalar; <c>=</c> is the text <c>=</c>, as PyYAML's flatten_mapping makes it).</summary>
    /// <exception cref="YamlLoadException">The key is a list or a mapping, or a scalar value is refused.</exception>
    public object? ConstructKey(YNode keyNode) => keyNode switch
    {
        YSequence or YMapping => throw new YamlLoadException(keyNode.Line, "found unhashable key (a list or mapping cannot be a mapping key)"),
        YScalar scalar when YamlTags.Of(scalar) == YamlTags.Value => scalar.Value,
        _ => Construct(keyNode),
    };

    /// <summary>The profile's text for a mapping key.</summary>
    public string KeyText(YNode keyNode) => profile.KeyText(ConstructKey(keyNode), keyNode.Line);

    /// <summary>
    /// PyYAML's <c>flatten_mapping</c>: the entries of merged mappings first (the last merge source first), then the
    /// mapping's own; a key given twice keeps its first position and takes its last value when the entries are set in order.
    /// </summary>
    /// <exception cref="YamlLoadException">A merge key whose value is not a mapping or a list of mappings.</exception>
    public static List<KeyValuePair<YNode, YNode>> Flatten(YMapping mapping) =>
        Flatten(mapping, new HashSet<YMapping>(ReferenceEqualityComparer.Instance));

    private static List<KeyValuePair<YNode, YNode>> Flatten(YMapping mapping, HashSet<YMapping> active)
    {
        if (!active.Add(mapping))
        {
            throw new YamlLoadException(mapping.Line, "the mapping merges itself (a '<<' alias inside its own anchor)");
        }

        List<KeyValuePair<YNode, YNode>>? merged = null;
        var own = new List<KeyValuePair<YNode, YNode>>(mapping.Entries.Count);
        foreach (var entry in mapping.Entries)
        {
            if (YamlTags.Of(entry.Key) != YamlTags.Merge)
            {
                own.Add(entry);
                continue;
            }

            merged ??= [];
            switch (entry.Value)
            {
                case YMapping source:
                    merged.AddRange(Flatten(source, active));
                    break;
                case YSequence sources:
                    var parts = new List<List<KeyValuePair<YNode, YNode>>>();
                    foreach (var item in sources.Items)
                    {
                        parts.Add(item is YMapping part
                            ? Flatten(part, active)
                            : throw new YamlLoadException(item.Line, $"expected a mapping for merging, but found {Describe(item)}"));
                    }

                    parts.Reverse();
                    parts.ForEach(merged.AddRange);
                    break;
                default:
                    throw new YamlLoadException(entry.Value.Line, $"expected a mapping or list of mappings for merging, but found {Describe(entry.Value)}");
            }
        }

        active.Remove(mapping);
        if (merged is null)
        {
            return own;
        }

        merged.AddRange(own);
        return merged;
    }

    private void Check(YNode node, string tag, string expected)
    {
        if (tag == expected || profile.LenientTags || (profile.AnsibleTags && tag == "!unsafe"))
        {
            return;
        }

        throw new YamlLoadException(node.Line, tag switch
        {
            YamlTags.Seq or YamlTags.Map => $"expected {(tag == YamlTags.Seq ? "a sequence" : "a mapping")} node for the tag '{tag}', but found {Describe(node)}",
            YamlTags.Set or YamlTags.Omap or YamlTags.Pairs or YamlTags.Binary => $"the tag '{tag}' is not supported here",
            YamlTags.Str or YamlTags.Null or YamlTags.Bool or YamlTags.Int or YamlTags.Float or YamlTags.Timestamp =>
                $"expected a scalar node for the tag '{tag}', but found {Describe(node)}",
            _ => $"could not determine a constructor for the tag '{tag}'",
        });
    }

    private object? ConstructScalar(YScalar node, string tag)
    {
        var text = node.Value;
        switch (tag)
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
                    _ => throw new YamlLoadException(node.Line, $"invalid boolean '{text}'"),
                };
            case YamlTags.Int:
                return TryParseInt(text, out var integer)
                    ? profile.Integer(integer, text)
                    : throw new YamlLoadException(node.Line, $"invalid integer '{text}'");
            case YamlTags.Float:
                return TryParseFloat(text, out var number) ? number : throw new YamlLoadException(node.Line, $"invalid float '{text}'");
            case YamlTags.Timestamp when profile.RawTimestamps:
                return text;
            case YamlTags.Timestamp:
                return PyDateTime.TryParse(text, out var timestamp)
                    ? profile.Timestamp(timestamp)
                    : throw new YamlLoadException(node.Line, YamlTags.TimestampParts().IsMatch(text) ? $"invalid date or time '{text}'" : $"invalid timestamp '{text}'");
            case "!unsafe" when profile.AnsibleTags:
                return text;
            case "!vault" or "!vault-encrypted" when profile.AnsibleTags && !profile.LenientTags:
                throw new YamlLoadException(node.Line, "found a !vault value; vault-encrypted inventories and vars files are not supported");
            default:
                Check(node, tag, YamlTags.Str);
                return text;
        }
    }

    /// <summary>Python's int() as PyYAML's construct_yaml_int calls it: underscores, sign, <c>0b</c>, <c>0x</c>, leading-zero octal, base 60.</summary>
    private static bool TryParseInt(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = s.StartsWith('-');
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            s = s[1..];
        }

        bool ok;
        if (s == "0")
        {
            ok = true;
        }
        else if (s.StartsWith("0b", StringComparison.Ordinal))
        {
            ok = TryParseDigits(s[2..], 2, out value);
        }
        else if (s.StartsWith("0x", StringComparison.Ordinal))
        {
            ok = TryParseDigits(s[2..], 16, out value);
        }
        else if (s.StartsWith('0'))
        {
            ok = TryParseDigits(s, 8, out value);
        }
        else if (s.Contains(':', StringComparison.Ordinal))
        {
            ok = true;
            foreach (var part in s.Split(':'))
            {
                ok &= TryParseDigits(part, 10, out var digits);
                value = (value * 60) + digits;
            }
        }
        else
        {
            ok = TryParseDigits(s, 10, out value);
        }

        if (negative)
        {
            value = -value;
        }

        return ok;
    }

    private static bool TryParseDigits(string digits, int radix, out BigInteger value)
    {
        value = BigInteger.Zero;
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= radix)
            {
                return false;
            }

            value = (value * radix) + d;
        }

        return true;
    }

    /// <summary>PyYAML's construct_yaml_float: underscores, sign, <c>.inf</c>, <c>.nan</c>, base 60, then Python's float().</summary>
    private static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var sign = s.StartsWith('-') ? -1.0 : 1.0;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            s = s[1..];
        }

        if (s == ".inf")
        {
            value = sign * double.PositiveInfinity;
            return true;
        }

        if (s == ".nan")
        {
            value = double.NaN;
            return true;
        }

        foreach (var part in s.Split(':'))
        {
            // Python's float() accepts "1.", ".5" and "1.e+5"; so does NumberStyles.Float.
            if (part.Length == 0 || !double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                return false;
            }

            value = (value * 60) + d;
        }

        value *= sign;
        return true;
    }

    private static string Describe(YNode node) => node switch
    {
        YScalar => "a scalar",
        YSequence => "a sequence",
        _ => "a mapping",
    };
}
