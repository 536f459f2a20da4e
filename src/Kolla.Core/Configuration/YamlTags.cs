using System.Text.RegularExpressions;

namespace Kolla.Configuration;

/// <summary>
/// YAML 1.1 implicit typing of plain scalars, as PyYAML's resolver does it (the first character picks the
/// candidate patterns; the patterns are PyYAML's).
/// </summary>
internal static partial class YamlTags
{
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
