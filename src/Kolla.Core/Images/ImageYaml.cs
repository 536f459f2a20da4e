using System.Collections;
using Kolla.Compat;

namespace Kolla.Images;

/// <summary>The YAML mappings of image building (<c>--build-config</c>, a tree's profiles), read as Ansible's loader reads them.</summary>
internal static class ImageYaml
{
    /// <summary>
    /// The top-level mapping of <paramref name="text"/> (empty for an empty document) and where each key was written.
    /// </summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">Named in errors.</param>
    /// <param name="expectation">What the document must be, starting every error message.</param>
    /// <exception cref="ImageBuildException">Not YAML, or not a mapping (names <paramref name="file"/> and the line).</exception>
    public static (IDictionary<string, object?> Mapping, IReadOnlyDictionary<string, YamlKeyInfo> Keys) ReadMapping(string text, string file, string expectation)
    {
        YamlDocument document;
        try
        {
            document = YamlLoader.Read(text, AnsibleYamlProfile.Vars);
        }
        catch (YamlLoadException ex)
        {
            throw new ImageBuildException(file, ex.Line, $"{expectation}: {ex.Message}");
        }

        return document.Root switch
        {
            null => (new Dictionary<string, object?>(StringComparer.Ordinal), document.Keys),
            IDictionary<string, object?> mapping => (mapping, document.Keys),
            var other => throw new ImageBuildException(file, 1, $"{expectation}, not a {(other is IList ? "list" : "scalar")}"),
        };
    }
}
