namespace Kolla.Manifests;

/// <summary>Checks a <see cref="ConfigManifest"/> against what kolla_set_configs accepts, before anything is written.</summary>
/// <remarks>
/// Rules: a command; every <c>dest</c>/<c>path</c> absolute and free of <c>..</c>; owner <c>user</c>, <c>user:group</c>
/// or <c>user:</c>; perm an octal string of 3 or 4 digits (4 digits so <c>kolla_set_configs --check</c> compares it);
/// owner and perm present unless preserve_properties; every non-optional source under the config directory produced.
/// </remarks>
internal static class ConfigManifestValidator
{
    /// <summary>Returns every problem found (empty when valid).</summary>
    /// <param name="manifest">The manifest.</param>
    /// <param name="containerConfigDirectory">Where the rendered files appear inside the container (<c>/var/lib/kolla/config_files</c>).</param>
    /// <param name="producedFiles">Names of the files rendered beside config.json (relative to the service directory).</param>
    public static IReadOnlyList<string> Validate(ConfigManifest manifest, string containerConfigDirectory, IReadOnlyCollection<string> producedFiles)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(containerConfigDirectory);
        ArgumentNullException.ThrowIfNull(producedFiles);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(manifest.Command))
        {
            problems.Add("config.json: \"command\" is required");
        }

        var prefix = containerConfigDirectory.TrimEnd('/') + "/";
        foreach (var entry in manifest.ConfigFiles)
        {
            CheckPath(problems, "config_files", "dest", entry.Dest);
            CheckPath(problems, "config_files", "source", entry.Source);
            if (!entry.PreserveProperties)
            {
                if (entry.Owner is null || entry.Perm is null)
                {
                    problems.Add($"config_files {entry.Source}: needs owner and perm (or preserve_properties)");
                }
            }

            CheckOwner(problems, entry.Source, entry.Owner);
            CheckPerm(problems, entry.Source, entry.Perm);
            if (!entry.Optional && entry.Source.StartsWith(prefix, StringComparison.Ordinal))
            {
                var relative = entry.Source[prefix.Length..];
                var produced = relative.IndexOfAny(['*', '?', '[']) >= 0
                    || producedFiles.Contains(relative)
                    || producedFiles.Any(f => f.StartsWith(relative.TrimEnd('/') + "/", StringComparison.Ordinal));
                if (!produced)
                {
                    problems.Add($"config_files {entry.Source}: not optional, but no such file is generated");
                }
            }
        }

        foreach (var entry in manifest.Directories.Concat(manifest.Files))
        {
            CheckPath(problems, "directories/files", "path", entry.Path);
            if (entry.Path.IndexOfAny(['*', '?', '[']) >= 0)
            {
                problems.Add($"{entry.Path}: directories and files do not support glob paths");
            }

            CheckOwner(problems, entry.Path, entry.Owner);
            CheckPerm(problems, entry.Path, entry.Perm);
        }

        foreach (var entry in manifest.Permissions)
        {
            CheckPath(problems, "permissions", "path", entry.Path);
            CheckOwner(problems, entry.Path, entry.Owner);
            CheckPerm(problems, entry.Path, entry.Perm);
        }

        return problems;
    }

    private static void CheckPath(List<string> problems, string section, string key, string path)
    {
        if (!path.StartsWith('/'))
        {
            problems.Add($"{section} {key} '{path}': must be an absolute path");
        }

        if (path.Split('/').Contains(".."))
        {
            problems.Add($"{section} {key} '{path}': must not contain '..'");
        }
    }

    private static void CheckOwner(List<string> problems, string where, string? owner)
    {
        if (owner is null)
        {
            return;
        }

        var parts = owner.Split(':');
        if (parts.Length > 2 || parts[0].Length == 0 || parts.Any(p => p.Any(c => char.IsWhiteSpace(c) || c == '/')))
        {
            problems.Add($"{where}: owner '{owner}' must be 'user' or 'user:group'");
        }
    }

    private static void CheckPerm(List<string> problems, string where, string? perm)
    {
        if (perm is null)
        {
            return;
        }

        if (perm.Length is < 3 or > 4 || perm.Any(c => c is < '0' or > '7'))
        {
            problems.Add($"{where}: perm '{perm}' must be an octal string such as '0600'");
        }
        else if (perm.Length == 3)
        {
            problems.Add($"{where}: perm '{perm}' should have 4 digits ('0{perm}'), or kolla_set_configs --check reports it changed forever");
        }
    }
}
