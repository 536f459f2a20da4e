using Kolla.Start.Configuration;

namespace Kolla.Start;

/// <summary>
/// Copies one <c>config_files</c> entry: glob the source, map each match to its destination (a trailing <c>/</c>
/// keeps the base name), replace (or, with <c>merge</c>, merge into) the destination, then set properties.
/// </summary>
internal sealed class ConfigCopier(StartRoot root, PermissionApplier permissions, StartLog log)
{
    public void Copy(ConfigFileEntry entry)
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

        foreach (var source in sources)
        {
            var dest = Destination(entry.Dest, source);
            if (!entry.Merge)
            {
                Delete(dest);
            }

            var parent = ParentOf(dest);
            if (Posix.TryStat(root.Host(parent), followLinks: true) is null)
            {
                Directory.CreateDirectory(root.Host(parent));
            }

            try
            {
                CopyTree(entry, source, dest);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.Error($"Unable to merge {source} with {dest}");
                throw StartException.Crash("OSError", e.Message);
            }
        }
    }

    /// <summary>The effective destination of one source match.</summary>
    public static string Destination(string dest, string source) =>
        dest.EndsWith('/') ? dest + BaseName(source) : dest;

    private void CopyTree(ConfigFileEntry entry, string source, string dest)
    {
        var hostSource = root.Host(source);
        var hostDest = root.Host(dest);
        if (Posix.TryStat(hostSource, followLinks: true) is { IsDirectory: true })
        {
            var existing = Posix.TryStat(hostDest, followLinks: false);
            if (existing is not null && Posix.TryStat(hostDest, followLinks: true) is not { IsDirectory: true })
            {
                Delete(dest);
            }

            if (Posix.TryStat(hostDest, followLinks: true) is not { IsDirectory: true })
            {
                log.Info($"Creating directory {dest}");
                Directory.CreateDirectory(hostDest);
            }

            SetProperties(entry, source, dest);
            foreach (var name in Directory.EnumerateFileSystemEntries(hostSource).Select(Path.GetFileName).OfType<string>().ToList())
            {
                CopyTree(entry, source.TrimEnd('/') + "/" + name, dest.TrimEnd('/') + "/" + name);
            }

            return;
        }

        Delete(dest);
        log.Info($"Copying {source} to {dest}");
        var link = new FileInfo(hostSource).LinkTarget;
        if (entry.Merge && entry.PreserveProperties && link is not null)
        {
            File.CreateSymbolicLink(hostDest, link);
            return;
        }

        // File.Copy follows a symbolic link source and copies the mode bits, as shutil.copy does.
        File.Copy(hostSource, hostDest, overwrite: true);
        SetProperties(entry, source, dest);
    }

    private void SetProperties(ConfigFileEntry entry, string source, string dest)
    {
        if (!entry.PreserveProperties)
        {
            permissions.ApplyTo(dest, entry.Owner, entry.Perm);
            return;
        }

        log.Info($"Copying permissions from {source} onto {dest}");
        var hostSource = root.Host(source);
        var hostDest = root.Host(dest);
        var status = Posix.TryStat(hostSource, followLinks: true) ?? throw new IOException($"{source} vanished");
        File.SetUnixFileMode(hostDest, status.Permissions);
        if (status.IsDirectory)
        {
            Directory.SetLastAccessTimeUtc(hostDest, Directory.GetLastAccessTimeUtc(hostSource));
            Directory.SetLastWriteTimeUtc(hostDest, Directory.GetLastWriteTimeUtc(hostSource));
        }
        else
        {
            File.SetLastAccessTimeUtc(hostDest, File.GetLastAccessTimeUtc(hostSource));
            File.SetLastWriteTimeUtc(hostDest, File.GetLastWriteTimeUtc(hostSource));
        }

        Posix.Chown(hostDest, status.Uid, status.Gid);
    }

    /// <summary>Deletes a file, symbolic link or whole tree at <paramref name="path"/>, if anything is there.</summary>
    private void Delete(string path)
    {
        var host = root.Host(path.TrimEnd('/'));
        var status = Posix.TryStat(host, followLinks: false);
        if (status is null)
        {
            return;
        }

        log.Info($"Deleting {path}");
        if (status.IsDirectory)
        {
            Directory.Delete(host, recursive: true);
        }
        else
        {
            File.Delete(host);
        }
    }

    private static string BaseName(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }

    private static string ParentOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
