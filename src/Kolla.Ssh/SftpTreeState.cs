using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Kolla.Hosts;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace Kolla.Ssh;

/// <summary>
/// Reads the state of a directory tree over SFTP, with no shell on the host: the same records as
/// <see cref="TreeState"/>'s <c>find</c>/<c>sha256sum</c> script (mode with the set-id and sticky bits, owner and group
/// names, SHA-256 of every regular file; symbolic links neither followed nor listed; a missing directory is empty).
/// </summary>
/// <remarks>
/// Directories are listed and files read many at once, so their requests are pipelined on the one SFTP session. SFTP
/// gives numeric ids; names come from the host's <c>/etc/passwd</c> and <c>/etc/group</c> (first entry per id, as the
/// C library's files lookup answers <c>find</c>). An id neither file names, a start directory reached through a
/// symbolic link, or anything else SFTP cannot answer as <c>find</c> would makes <see cref="ReadAsync"/> return null:
/// the caller then reads with the shell script, which is the reference.
/// </remarks>
internal static class SftpTreeState
{
    private const int Parallel = 16;

    /// <summary>The state of every regular file below <paramref name="directory"/> (normalized, absolute); null when only the shell read can answer exactly.</summary>
    /// <exception cref="SftpPermissionDeniedException">A directory or file cannot be read (the shell read fails the same way).</exception>
    public static async Task<TreeStateResult> ReadAsync(SftpClient sftp, string directory, CancellationToken cancellationToken)
    {
        SftpFileAttributes top;
        try
        {
            top = await sftp.GetAttributesAsync(directory, cancellationToken).ConfigureAwait(false);
        }
        catch (SftpPathNotFoundException)
        {
            return TreeStateResult.Of(new Dictionary<string, HostFileState>(StringComparer.Ordinal));
        }

        if (!top.IsDirectory)
        {
            // find lists nothing below a file, and a start point that is a link is not followed.
            return top.IsSymbolicLink
                ? TreeStateResult.NeedsShell("the directory is a symbolic link")
                : TreeStateResult.Of(new Dictionary<string, HostFileState>(StringComparer.Ordinal));
        }

        var files = new ConcurrentBag<(string Path, SftpFileAttributes Attributes)>();
        var canonical = await ListAsync(sftp, directory, files, cancellationToken).ConfigureAwait(false);
        if (!canonical)
        {
            return TreeStateResult.NeedsShell("the directory's path goes through a symbolic link");
        }

        var names = files.IsEmpty ? null : await AccountNames.ReadAsync(sftp, cancellationToken).ConfigureAwait(false);
        var result = new ConcurrentDictionary<string, HostFileState>(StringComparer.Ordinal);
        string? unnamed = null;
        await System.Threading.Tasks.Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
            async (file, token) =>
            {
                if (names!.User(file.Attributes.UserId) is not { } owner || names.Group(file.Attributes.GroupId) is not { } group)
                {
                    unnamed = file.Path;
                    return;
                }

                if (await HashAsync(sftp, file.Path, token).ConfigureAwait(false) is { } hash)
                {
                    result[file.Path] = new HostFileState(file.Path, hash, Mode(file.Attributes), owner, group);
                }
            }).ConfigureAwait(false);

        return unnamed is null
            ? TreeStateResult.Of(new Dictionary<string, HostFileState>(result, StringComparer.Ordinal))
            : TreeStateResult.NeedsShell($"the owner or group id of {unnamed} is not in /etc/passwd or /etc/group");
    }

    /// <summary>The permission bits as <c>find -printf %m</c> prints them (set-id and sticky bits included).</summary>
    internal static int Mode(SftpFileAttributes a) =>
        (a.IsUIDBitSet ? 0x800 : 0) | (a.IsGroupIDBitSet ? 0x400 : 0) | (a.IsStickyBitSet ? 0x200 : 0)
        | (a.OwnerCanRead ? 0x100 : 0) | (a.OwnerCanWrite ? 0x80 : 0) | (a.OwnerCanExecute ? 0x40 : 0)
        | (a.GroupCanRead ? 0x20 : 0) | (a.GroupCanWrite ? 0x10 : 0) | (a.GroupCanExecute ? 0x8 : 0)
        | (a.OthersCanRead ? 0x4 : 0) | (a.OthersCanWrite ? 0x2 : 0) | (a.OthersCanExecute ? 0x1 : 0);

    /// <summary>Collects the regular files below <paramref name="directory"/>, descending into real directories only, as
    /// <c>find -type f</c> does; false when the server's own name for the directory differs (a link on the way).</summary>
    private static async Task<bool> ListAsync(SftpClient sftp, string directory, ConcurrentBag<(string, SftpFileAttributes)> files, CancellationToken cancellationToken)
    {
        var pending = new List<string> { directory };
        var canonical = true;
        var first = true;
        while (pending.Count > 0)
        {
            var next = new ConcurrentBag<string>();
            await System.Threading.Tasks.Parallel.ForEachAsync(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = cancellationToken },
                async (dir, token) =>
                {
                    var prefix = dir == "/" ? "/" : dir + "/";
                    await foreach (var entry in sftp.ListDirectoryAsync(dir, token).ConfigureAwait(false))
                    {
                        if (first && !entry.FullName.StartsWith(prefix, StringComparison.Ordinal))
                        {
                            canonical = false;
                        }

                        if (entry.Name is "." or "..")
                        {
                            continue;
                        }

                        var path = prefix + entry.Name;
                        if (entry.Attributes.IsDirectory)
                        {
                            next.Add(path);
                        }
                        else if (entry.Attributes.IsRegularFile)
                        {
                            files.Add((path, entry.Attributes));
                        }
                    }
                }).ConfigureAwait(false);

            if (!canonical)
            {
                return false;
            }

            first = false;
            pending = [.. next];
        }

        return true;
    }

    /// <summary>The file's SHA-256 in lower-case hex; null when it was removed since the listing (the shell read skips it too).</summary>
    private static async Task<string?> HashAsync(SftpClient sftp, string path, CancellationToken cancellationToken)
    {
        SftpFileStream stream;
        try
        {
            stream = await sftp.OpenAsync(path, FileMode.Open, FileAccess.Read, cancellationToken).ConfigureAwait(false);
        }
        catch (SftpPathNotFoundException)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            return Convert.ToHexStringLower(hash);
        }
    }

    /// <summary>User and group names by id, from the host's account files.</summary>
    private sealed class AccountNames(Dictionary<long, string> users, Dictionary<long, string> groups)
    {
        public static async Task<AccountNames> ReadAsync(SftpClient sftp, CancellationToken cancellationToken)
        {
            var passwd = ReadFileAsync(sftp, "/etc/passwd", cancellationToken);
            var group = ReadFileAsync(sftp, "/etc/group", cancellationToken);
            return new AccountNames(Parse(await passwd.ConfigureAwait(false)), Parse(await group.ConfigureAwait(false)));
        }

        public string? User(long id) => users.GetValueOrDefault(id);

        public string? Group(long id) => groups.GetValueOrDefault(id);

        /// <summary><c>name:password:id:...</c> lines; the first name of an id wins.</summary>
        internal static Dictionary<long, string> Parse(string text)
        {
            var byId = new Dictionary<long, string>();
            foreach (var line in text.Split('\n'))
            {
                var fields = line.Split(':', 4);
                if (fields.Length >= 3 && fields[0].Length > 0 && !fields[0].StartsWith('+') && !fields[0].StartsWith('-')
                    && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    byId.TryAdd(id, fields[0]);
                }
            }

            return byId;
        }

        private static async Task<string> ReadFileAsync(SftpClient sftp, string path, CancellationToken cancellationToken)
        {
            try
            {
                var stream = await sftp.OpenAsync(path, FileMode.Open, FileAccess.Read, cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    using var reader = new StreamReader(stream);
                    return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is SftpPathNotFoundException or SftpPermissionDeniedException)
            {
                return string.Empty;
            }
        }
    }
}
