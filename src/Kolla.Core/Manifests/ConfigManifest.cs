namespace Kolla.Manifests;

/// <summary>
/// The <c>config.json</c> a Kolla image's <c>kolla_set_configs</c> reads from <c>/var/lib/kolla/config_files/</c>:
/// the command to run and the files, directories and permissions to put in place first.
/// </summary>
/// <param name="Command">The command <c>kolla_start</c> execs (written to <c>/run_command</c>).</param>
/// <remarks>Counterpart of kolla-ansible's <c>templates/&lt;service&gt;.json.j2</c>; written by <see cref="ConfigManifestWriter"/>.</remarks>
internal sealed record ConfigManifest(string Command)
{
    /// <summary>Files to copy into place (<c>config_files</c>).</summary>
    public IReadOnlyList<ConfigFileEntry> ConfigFiles { get; init; } = [];

    /// <summary>Directories to create (<c>directories</c>).</summary>
    public IReadOnlyList<ManifestPathEntry> Directories { get; init; } = [];

    /// <summary>Empty files to create if missing (<c>files</c>).</summary>
    public IReadOnlyList<ManifestPathEntry> Files { get; init; } = [];

    /// <summary>Ownership and modes to apply (<c>permissions</c>).</summary>
    public IReadOnlyList<PermissionEntry> Permissions { get; init; } = [];
}

/// <summary>One <c>config_files</c> entry.</summary>
/// <param name="Source">Path or glob inside the container, normally under <c>/var/lib/kolla/config_files/</c>.</param>
/// <param name="Dest">Target path; a trailing <c>/</c> means "into this directory".</param>
/// <param name="Owner"><c>user</c> or <c>user:group</c>.</param>
/// <param name="Perm">Octal mode as a string, e.g. <c>0600</c>.</param>
public sealed record ConfigFileEntry(string Source, string Dest, string? Owner, string? Perm)
{
    /// <summary>Skip quietly when the source does not exist.</summary>
    public bool Optional { get; init; }

    /// <summary>Merge a directory source into the destination instead of replacing it.</summary>
    public bool Merge { get; init; }

    /// <summary>Copy mode, times and ownership from the source instead of using owner/perm.</summary>
    public bool PreserveProperties { get; init; }
}

/// <summary>One <c>directories</c> or <c>files</c> entry.</summary>
/// <param name="Path">Absolute path (no glob).</param>
/// <param name="Owner"><c>user</c> or <c>user:group</c>.</param>
/// <param name="Perm">Octal mode as a string.</param>
internal sealed record ManifestPathEntry(string Path, string Owner, string Perm);

/// <summary>One <c>permissions</c> entry.</summary>
/// <param name="Path">Path or glob.</param>
/// <param name="Owner"><c>user</c> or <c>user:group</c>.</param>
/// <param name="Perm">Octal mode as a string, or null to change ownership only.</param>
public sealed record PermissionEntry(string Path, string Owner, string? Perm = null)
{
    /// <summary>Apply to everything below a directory.</summary>
    public bool Recurse { get; init; }

    /// <summary>Regular expressions of paths to leave alone when recursing.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
}
