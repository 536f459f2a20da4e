namespace Kolla.Start.Configuration;

/// <summary>A validated <c>config.json</c>: the service command and what to copy, create and chown.</summary>
internal sealed record StartConfig(
    string Command,
    IReadOnlyList<ConfigFileEntry> ConfigFiles,
    IReadOnlyList<PathEntry> Directories,
    IReadOnlyList<PathEntry> Files,
    IReadOnlyList<PermissionEntry> Permissions);

/// <summary>One <c>config_files</c> entry.</summary>
internal sealed record ConfigFileEntry(
    string Source,
    string Dest,
    string? Owner,
    FilePermission? Perm,
    bool Optional,
    bool Merge,
    bool PreserveProperties);

/// <summary>One <c>directories</c> or <c>files</c> entry (all keys required).</summary>
internal sealed record PathEntry(string Path, string Owner, FilePermission Perm);

/// <summary>One <c>permissions</c> entry.</summary>
internal sealed record PermissionEntry(
    string Path,
    string? Owner,
    FilePermission? Perm,
    bool Recurse,
    IReadOnlyList<string> Exclude);
