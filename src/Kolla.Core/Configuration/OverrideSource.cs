namespace Kolla.Configuration;

/// <summary>What an <see cref="OverrideSource"/> path is relative to.</summary>
public enum OverrideSourceKind
{
    /// <summary>A template shipped with the role (<c>&lt;role&gt;/templates/&lt;Path&gt;</c>).</summary>
    RoleTemplate,

    /// <summary>A file in the operator's override tree, relative to <c>node_custom_config</c> (default <c>/etc/kolla/config</c>).</summary>
    CustomFile,

    /// <summary>
    /// Every file directly in a directory of the override tree whose name matches a pattern, in sorted path order
    /// (<see cref="OverrideSource.Path"/> is <c>dir/pattern</c>, e.g. <c>prometheus/prometheus.yml.d/*.yml</c>).
    /// </summary>
    CustomDirectory,
}

/// <summary>One place a service file's content may come from.</summary>
/// <param name="Kind">What <paramref name="Path"/> is relative to.</param>
/// <param name="Path">The relative path (forward slashes).</param>
public sealed record OverrideSource(OverrideSourceKind Kind, string Path)
{
    /// <summary>A role template.</summary>
    public static OverrideSource Template(string name) => new(OverrideSourceKind.RoleTemplate, name);

    /// <summary>A file relative to <c>node_custom_config</c>.</summary>
    public static OverrideSource Custom(string relativePath) => new(OverrideSourceKind.CustomFile, relativePath);

    /// <summary>The path with its root: <c>&lt;template&gt;/x.j2</c> or <c>&lt;custom&gt;/x.conf</c>, for display.</summary>
    public override string ToString() => Kind switch
    {
        OverrideSourceKind.RoleTemplate => "<role templates>/" + Path,
        _ => Path,
    };

    /// <summary>The absolute path (for a directory source, the directory joined with the pattern).</summary>
    public string Resolve(string nodeCustomConfig, string roleTemplateDirectory)
    {
        ArgumentNullException.ThrowIfNull(nodeCustomConfig);
        ArgumentNullException.ThrowIfNull(roleTemplateDirectory);
        return System.IO.Path.Combine(Kind == OverrideSourceKind.RoleTemplate ? roleTemplateDirectory : nodeCustomConfig, Path);
    }
}
