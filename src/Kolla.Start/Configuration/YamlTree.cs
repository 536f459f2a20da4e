using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kolla.Start.Configuration;

/// <summary>
/// Reads config.yaml into the same tree as <see cref="ConfigTree"/>. Plain scalars are typed as PyYAML's safe
/// loader does (YAML 1.1): null, booleans (yes/no/on/off too), integers (including <c>0644</c>) and floats.
/// </summary>
internal static partial class YamlTree
{
    /// <summary>Parses the first document; null when the stream holds none (an empty file).</summary>
    public static object? Parse(string text, out bool empty)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        empty = stream.Documents.Count == 0;
        return empty ? null : Convert(stream.Documents[0].RootNode);
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal), (result, pair) =>
        {
            result[Key(pair.Key)] = Convert(pair.Value);
            return result;
        }),
        YamlSequenceNode list => list.Children.Select(Convert).ToList(),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new YamlException("aliases are not supported"),
    };

    private static string Key(YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw new YamlException(node.Start, node.End, "mapping keys must be scalars");

    private static object? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return value;
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON" => true,
            "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF" => false,
            _ when NumberPattern().IsMatch(value) => double.TryParse(value.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : 0d,
            _ => value,
        };
    }

    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?)$")]
    private static partial Regex NumberPattern();
}
