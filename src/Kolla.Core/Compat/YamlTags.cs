using System.Text.RegularExpressions;

namespace Kolla.Compat;

/// <summary>
/// YAML 1.1 tags and the implicit typing of plain scalars, as PyYAML's resolver does it (the first character picks the
/// candidate patterns; the patterns are PyYAML's).
/// </summary>
internal static partial class YamlTags
{
    /// <summary>The non-specific tag <c>!</c>: PyYAML resolves such a scalar as if it were plain.</summary>
    public const string NonSpecific = "!";

    public const string Str = "tag:yaml.org,2002:str";
    public const string Null = "tag:yaml.org,2002:null";
    public const string Bool = "tag:yaml.org,2002:bool";
    public const string Int = "tag:yaml.org,2002:int";
    public const string Float = "tag:yaml.org,2002:float";
    public const string Timestamp = "tag:yaml.org,2002:timestamp";
    public const string Merge = "tag:yaml.org,2002:merge";
    public const string Value = "tag:yaml.org,2002:value";
    public const string Seq = "tag:yaml.org,2002:seq";
    public const string Map = "tag:yaml.org,2002:map";
    public const string Binary = "tag:yaml.org,2002:binary";
    public const string Set = "tag:yaml.org,2002:set";
    public const string Omap = "tag:yaml.org,2002:omap";
    public const string Pairs = "tag:yaml.org,2002:pairs";

    /// <summary>The tag a node stands for: its own, or for an untagged (or <c>!</c>) one what PyYAML resolves.</summary>
    public static string Of(YNode node) => node switch
    {
        YScalar { Tag: null, Plain: false } => Str,
        YScalar { Tag: null or NonSpecific } scalar => ResolvePlain(scalar.Value),
        YSequence { Tag: null or NonSpecific } => Seq,
        YMapping { Tag: null or NonSpecific } => Map,
        _ => node.Tag!,
    };

    /// <summary>The tag PyYAML gives a plain (untagged) scalar with this text.</summary>
    public static string ResolvePlain(string value)
    {
        if (value.Length == 0)
        {
            return Null;
        }

        var first = value[0];
        if ("yYnNtTfFoO".Contains(first) && BoolPattern().IsMatch(value))
        {
            return Bool;
        }

        if ("-+0123456789.".Contains(first) && FloatPattern().IsMatch(value))
        {
            return Float;
        }

        if ("-+0123456789".Contains(first) && IntPattern().IsMatch(value))
        {
            return Int;
        }

        if (first == '<' && value == "<<")
        {
            return Merge;
        }

        if ("~nN".Contains(first) && NullPattern().IsMatch(value))
        {
            return Null;
        }

        if (char.IsAsciiDigit(first) && TimestampPattern().IsMatch(value))
        {
            return Timestamp;
        }

        if (first == '=' && value == "=")
        {
            return Value;
        }

        return Str;
    }

    [GeneratedRegex("^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$", RegexOptions.CultureInvariant)]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    [GeneratedRegex("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex("^(?:~|null|Null|NULL|)$", RegexOptions.CultureInvariant)]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    /// <summary>PyYAML's timestamp construction pattern (named parts).</summary>
    [GeneratedRegex(@"^(?<year>[0-9][0-9][0-9][0-9])-(?<month>[0-9][0-9]?)-(?<day>[0-9][0-9]?)(?:(?:[Tt]|[ \t]+)(?<hour>[0-9][0-9]?):(?<minute>[0-9][0-9]):(?<second>[0-9][0-9])(?:\.(?<fraction>[0-9]*))?(?:[ \t]*(?<tz>Z|(?<tzsign>[-+])(?<tzhour>[0-9][0-9]?)(?::(?<tzminute>[0-9][0-9]))?))?)?$", RegexOptions.CultureInvariant)]
    public static partial Regex TimestampParts();
}
