namespace Kolla.Images;

/// <summary>Reads <c>kolla build --build-config</c>: a YAML mapping of extra template values, typed as Ansible's loader types them.</summary>
public static class BuildConfigReader
{
    /// <summary>The mapping in <paramref name="text"/>; an empty document is an empty mapping.</summary>
    /// <exception cref="ImageBuildException">The text is not YAML, or not a mapping (names <paramref name="file"/> and the line).</exception>
    public static Dictionary<string, object?> Read(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (mapping, _) = ImageYaml.ReadMapping(text, file, "the build config must be a mapping of template values");
        return new Dictionary<string, object?>(mapping, StringComparer.Ordinal);
    }
}
