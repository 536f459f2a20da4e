using System.Collections;
using Kolla.Variables.Yaml;

namespace Kolla.Images;

/// <summary>Reads <c>kolla build --build-config</c>: a YAML mapping of extra template values, typed as Ansible's loader types them.</summary>
public static class BuildConfigReader
{
    /// <summary>The mapping in <paramref name="text"/>; an empty document is an empty mapping.</summary>
    /// <exception cref="ImageBuildException">The text is not YAML, or not a mapping (names <paramref name="file"/> and the line).</exception>
    public static Dictionary<string, object?> Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        YamlDocument document;
        try
        {
            document = YamlValueReader.Read(text);
        }
        catch (YamlLoadException ex)
        {
            throw new ImageBuildException(file, ex.Line, $"the build config must be a mapping of template values: {ex.Message}");
        }

        return document.Root switch
        {
            null => new Dictionary<string, object?>(StringComparer.Ordinal),
            IDictionary<string, object?> mapping => new Dictionary<string, object?>(mapping, StringComparer.Ordinal),
            _ => throw new ImageBuildException(file, 1, $"the build config must be a mapping of template values, not a {Describe(document.Root)}"),
        };
    }

    internal static string Describe(object value) => value switch
    {
        IDictionary or IDictionary<string, object?> => "mapping",
        IList => "list",
        _ => "scalar",
    };
}
