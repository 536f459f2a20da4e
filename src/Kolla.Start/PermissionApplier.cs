using System.Text.RegularExpressions;
using Kolla.Start.Configuration;

namespace Kolla.Start;

/// <summary>
/// The permissions routine shared by <c>permissions</c>, <c>directories</c>, <c>files</c> and copied files:
/// chown, then chmod with execute added on directories wherever read is set; optional recursion with exclude
/// regexes (an entry below is left alone only when every pattern matches its full path).
/// </summary>
internal sealed class PermissionApplier(StartRoot root, Accounts accounts, StartLog log)
{
    /// <summary>Applies one entry to every match of its (glob) path; no match does nothing.</summary>
    public void Apply(PermissionEntry entry)
    {
        // Names are resolved first: an unknown user or group crashes even when nothing matches.
        var (uid, gid) = accounts.Resolve(entry.Owner);
        var excludes = entry.Exclude.Select(pattern => new Regex(pattern, RegexOptions.CultureInvariant)).ToList();
        foreach (var match in Glob.Expand(root, entry.Path))
        {
            Set(match, uid, gid, entry.Perm);
            if (entry.Recurse && Posix.TryStat(root.Host(match), followLinks: true) is { IsDirectory: true })
            {
                Walk(match, uid, gid, entry.Perm, excludes);
            }
        }
    }

    /// <summary>Applies owner and perm to one literal container path (no glob, no recursion).</summary>
    public void ApplyTo(string path, string? owner, FilePermission? perm)
    {
        var (uid, gid) = accounts.Resolve(owner);
        Set(path, uid, gid, perm);
    }

    private void Walk(string directory, uint uid, uint gid, FilePermission? perm, List<Regex> excludes)
    {
        var host = root.Host(directory);
        var names = Directory.EnumerateFileSystemEntries(host).Select(Path.GetFileName).OfType<string>().ToList();
        var subdirectories = new List<string>();
        foreach (var name in names)
        {
            var path = directory.TrimEnd('/') + "/" + name;
            if (excludes.Count == 0 || excludes.Any(regex => !regex.IsMatch(path)))
            {
                Set(path, uid, gid, perm);
            }

            // Like os.walk: descend into real directories, not into symbolic links to directories.
            if (Posix.TryStat(root.Host(path), followLinks: false) is { IsDirectory: true })
            {
                subdirectories.Add(path);
            }
        }

        foreach (var subdirectory in subdirectories)
        {
            Walk(subdirectory, uid, gid, perm, excludes);
        }
    }

    private void Set(string path, uint uid, uint gid, FilePermission? perm)
    {
        log.Info($"Setting permission for {path}");
        var host = root.Host(path);
        var status = Posix.TryStat(host, followLinks: true);
        if (status is null)
        {
            log.Warning($"{path} does not exist");
            return;
        }

        try
        {
            Posix.Chown(host, uid, gid);
        }
        catch (IOException e)
        {
            log.Error($"Failed to change ownership of {path} to {uid}:{gid}: {e.Message}");
        }

        if (perm is null)
        {
            return;
        }

        var mode = status.IsDirectory ? perm.ForDirectory() : perm.Mode;
        try
        {
            File.SetUnixFileMode(host, mode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Error($"Failed to set permission of {path} to {Convert.ToString((int)mode, 8)}: {e.Message}");
        }
    }
}
