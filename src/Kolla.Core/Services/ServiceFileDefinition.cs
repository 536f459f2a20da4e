namespace Kolla.Services;

/// <summary>One file a container receives in its config directory, and where its content comes from.</summary>
/// <remarks>
/// Counterpart of one kolla-ansible config task (<c>merge_configs</c>, <c>merge_yaml</c>, <c>template</c> with
/// <c>with_first_found</c>). The override list is data per file, as upstream's lists differ per task.
/// </remarks>
public sealed record ServiceFileDefinition
{
    /// <summary>File name inside the config directory (<c>nova.conf</c>); may contain <c>/</c> for subdirectories.</summary>
    public required string Dest { get; init; }

    /// <summary>The built-in template (relative name inside the service), or null when only overrides provide the file.</summary>
    public string? Template { get; init; }

    /// <summary>How sources combine.</summary>
    public FileMergeKind Merge { get; init; } = FileMergeKind.Ini;

    /// <summary>
    /// Override files under <c>node_custom_config</c>, in order (later wins for merges; first found wins for
    /// <see cref="FileMergeKind.FirstFound"/>). Entries are expressions (<c>nova/{{ inventory_hostname }}/nova.conf</c>).
    /// </summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>Where the template goes in the source list: first (normal) or last (template wins).</summary>
    public bool TemplateLast { get; init; }

    /// <summary>File mode as an octal string (<c>0660</c>).</summary>
    public string Mode { get; init; } = "0660";

    /// <summary>Boolean expression: whether the file is produced at all.</summary>
    public string When { get; init; } = "true";

    /// <summary>For <see cref="FileMergeKind.Copy"/>: the file to copy, an expression (<c>{{ kolla_external_fqdn_cert }}</c>).</summary>
    public string? Source { get; init; }

    /// <summary><c>extend_lists</c> for YAML merges.</summary>
    public bool ExtendLists { get; init; }
}
