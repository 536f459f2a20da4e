using Kolla.Start.Configuration;

namespace Kolla.Start;

/// <summary>
/// <c>--check</c>: nothing is modified. The command must equal <c>/run_command</c>; every <c>config_files</c> match
/// must exist at its destination with the same bytes, the <c>perm</c> string equal to the last four octal digits of
/// the mode, and the expected user and group names. Exit 0 = unchanged, 1 = changed.
/// </summary>
internal sealed class ConfigChecker(StartRoot root, Accounts accounts, StartLog log)
{
    public void Check(StartConfig config)
    {
        string running;
        try
        {
            running = File.ReadAllText(root.Host(SetConfigs.RunCommandPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw StartException.Crash("FileNotFoundError", $"{SetConfigs.RunCommandPath}: {e.Message}");
        }

        if (config.Command != running)
        {
            throw StartException.ConfigFileCommandDiffers($"Running command differs. {config.Command} != {running}");
        }

        foreach (var entry in config.ConfigFiles)
        {
            CheckEntry(entry);
        }
    }

    private void CheckEntry(ConfigFileEntry entry)
    {
        var sources = Glob.Expand(root, entry.Source);
        if (sources.Count == 0)
        {
            if (entry.Optional)
            {
                return;
            }

            throw StartException.MissingRequiredSource($"{entry.Source} file is not found");
        }

        var bad = new List<string>();
        foreach (var source in sources)
        {
            var dest = ConfigCopier.Destination(entry.Dest, source);
            var same = Posix.TryStat(root.Host(source), followLinks: true) is { IsDirectory: true }
                ? SameDirectory(entry, source, dest)
                : SameFile(entry, source, dest);
            if (!same)
            {
                bad.Add(source);
            }
        }

        if (bad.Count > 0)
        {
            throw StartException.ConfigFileBadState($"Following files are in bad state: [{string.Join(", ", bad.Select(path => $"'{path}'"))}]");
        }
    }

    private bool SameDirectory(ConfigFileEntry entry, string source, string dest)
    {
        foreach (var hostPath in Directory.EnumerateFileSystemEntries(root.Host(source), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root.Host(source), hostPath).Replace('\\', '/');
            var sourcePath = source.TrimEnd('/') + "/" + relative;
            var destPath = dest.TrimEnd('/') + "/" + relative;
            if (Posix.TryStat(hostPath, followLinks: true) is { IsDirectory: true })
            {
                var actual = Posix.TryStat(root.Host(destPath), followLinks: true);
                var expected = entry.PreserveProperties ? Posix.TryStat(hostPath, followLinks: true)?.Permissions : entry.Perm?.ForDirectory();
                if (actual is null || (expected is not null && actual.Permissions != expected))
                {
                    log.Error($"Dest dir {destPath} is missing or does not have the expected mode");
                    return false;
                }
            }
            else if (!SameFile(entry, sourcePath, destPath))
            {
                return false;
            }
        }

        return true;
    }

    private bool SameFile(ConfigFileEntry entry, string source, string dest)
    {
        var hostSource = root.Host(source);
        var hostDest = root.Host(dest);
        var sourceStatus = Posix.TryStat(hostSource, followLinks: true);
        var destStatus = Posix.TryStat(hostDest, followLinks: true);
        if (sourceStatus is null || destStatus is null)
        {
            return false;
        }

        if (!File.ReadAllBytes(hostSource).AsSpan().SequenceEqual(File.ReadAllBytes(hostDest)))
        {
            log.Error($"The content of source file({source}) and dest file({dest}) are not equal.");
            return false;
        }

        if (entry.PreserveProperties)
        {
            if (sourceStatus.Permissions != destStatus.Permissions || sourceStatus.Uid != destStatus.Uid || sourceStatus.Gid != destStatus.Gid)
            {
                log.Error($"Dest file {dest} does not have the mode and owner of {source}");
                return false;
            }

            return true;
        }

        var actualPerm = destStatus.LastFourOctalDigits;
        if (entry.Perm is not null && entry.Perm.Text != actualPerm)
        {
            log.Error($"Dest file does not have expected perm: {entry.Perm.Text}, actual: {actualPerm}");
            return false;
        }

        var (user, group) = Accounts.Split(entry.Owner);
        var actualUser = accounts.UserName(destStatus.Uid) ?? destStatus.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (actualUser != user)
        {
            log.Error($"Dest file does not have expected user: {user}, actual: {actualUser}");
            return false;
        }

        var actualGroup = accounts.GroupName(destStatus.Gid) ?? destStatus.Gid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (actualGroup != group)
        {
            log.Error($"Dest file does not have expected group: {group}, actual: {actualGroup}");
            return false;
        }

        return true;
    }
}
