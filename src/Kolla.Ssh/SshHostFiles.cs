using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Kolla.Hosts;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace Kolla.Ssh;

/// <summary>A host's files over SSH: SFTP writes to a temporary name beside the target, then an atomic rename.</summary>
/// <remarks>
/// <para>Without become: the file is created under a temporary name in the target directory with SFTP, its permission bits
/// and owner are set before any content is written (so a secret is never readable by others), the content is written,
/// and the file is renamed over the target with <c>posix-rename@openssh.com</c> (atomic replace; <c>mv -f</c> when the
/// server lacks the extension). Owner and group names are resolved to ids once per connection (<c>id -u</c>,
/// <c>getent group</c>) and then set with SFTP, so a write costs no remote process. Reads use SFTP.</para>
/// <para>With become (<c>sudo</c>), SFTP would run as the login user, so every operation is one <c>sudo -n sh -c</c>
/// command instead (also when the server has no SFTP subsystem); writes stream the content on stdin into a temporary file in
/// the target directory and rename it into place, which is just as atomic, and a batch of files is one command
/// (<see cref="FileBatchScript"/>).</para>
/// <para>Tree state is read in one command (see <see cref="TreeState"/>); directories are created with <c>mkdir -p</c>.</para>
/// </remarks>
internal sealed class SshHostFiles(SshSession session, ILogger logger) : IHostFiles
{
    private const int MissingExitCode = 3;

    private readonly ConcurrentDictionary<string, int> _userIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _groupIds = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, HostFileState>> ReadTreeStateAsync(string directory, CancellationToken cancellationToken = default)
    {
        var dir = NormalizeDirectory(directory);
        var ahead = dir == session.ReadAheadDirectory ? session.Docker?.ClaimReadAhead() : null;
        var output = ahead is null ? null : await ahead.TakeAsync(dir, session.CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (output is null && session.ReadsTreesOverSftp && await ReadTreeOverSftpAsync(dir, cancellationToken).ConfigureAwait(false) is { } files)
        {
            return files;
        }

        if (output is null)
        {
            var result = await session.RunAsync(TreeState.BuildScript(dir), cancellationToken).ConfigureAwait(false);
            result.EnsureSuccess(session.Host, $"reading the file state below {dir}");
            output = result.Output;
        }

        try
        {
            return TreeState.Parse(output);
        }
        catch (FormatException ex)
        {
            throw new HostExecutionException(session.Host, $"reading the file state below {dir}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The tree's state over SFTP (<see cref="SftpTreeState"/>), when no shell would run on the host otherwise; null when
    /// the server has no SFTP subsystem or only the shell read can answer exactly.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, HostFileState>?> ReadTreeOverSftpAsync(string dir, CancellationToken cancellationToken)
    {
        if (!await session.PrefersSftpAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var read = await session.GuardAsync($"reading the file state below {dir} over SFTP", async () =>
        {
            var sftp = await session.GetSftpAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await SftpTreeState.ReadAsync(sftp, dir, cancellationToken).ConfigureAwait(false);
            }
            catch (SftpPermissionDeniedException ex)
            {
                throw new HostExecutionException(session.Host, $"reading the file state below {dir}: {ex.Message}", ex);
            }
        }, cancellationToken).ConfigureAwait(false);
        if (read.Files is { } files)
        {
            logger.TreeReadOverSftp(session.Host, dir, files.Count);
            return files;
        }

        logger.TreeReadNeedsShell(session.Host, dir, read.ShellReason!);
        return null;
    }

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        RequireAbsolute(path);
        if (!await session.PrefersSftpAsync(cancellationToken).ConfigureAwait(false))
        {
            var p = ShellQuote.Quote(path);
            var result = await session.RunAsync($"[ -e {p} ] || exit {MissingExitCode}; exec cat -- {p}", cancellationToken).ConfigureAwait(false);
            return result.ExitCode == MissingExitCode
                ? null
                : result.EnsureSuccess(session.Host, $"reading {path}").Output;
        }

        return await session.GuardAsync($"reading {path}", async () =>
        {
            var sftp = await session.GetSftpAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            try
            {
                await sftp.DownloadFileAsync(path, buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (SftpPathNotFoundException)
            {
                return null;
            }
            catch (SftpPermissionDeniedException ex)
            {
                throw new HostExecutionException(session.Host, $"reading {path}: permission denied", ex);
            }

            return buffer.ToArray();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, HostFileMode mode, CancellationToken cancellationToken = default)
    {
        RequireAbsolute(path);
        ArgumentNullException.ThrowIfNull(mode);
        var (directory, name) = Split(path);
        if (await session.PrefersSftpAsync(cancellationToken).ConfigureAwait(false))
        {
            await WriteWithSftpAsync(path, directory, name, content, mode, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WriteWithCommandAsync(path, content, mode, cancellationToken).ConfigureAwait(false);
        }

        logger.WroteFile(session.Host, path, content.Length);
    }

    /// <summary>
    /// One remote command for the whole batch (<see cref="FileBatchScript"/>); with SFTP, the files themselves go through
    /// SFTP and the directories and deletions through one command each.
    /// </summary>
    public async Task ApplyAsync(HostFileBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var path in batch.Directories.Select(d => d.Path).Concat(batch.Writes.Select(w => w.Path)).Concat(batch.Deletes))
        {
            RequireAbsolute(path);
        }

        if (batch.IsEmpty)
        {
            return;
        }

        if (batch.Writes.Count > 0 && await session.PrefersSftpAsync(cancellationToken).ConfigureAwait(false))
        {
            if (batch.Directories.Count > 0)
            {
                await RunBatchAsync(batch with { Writes = [], Deletes = [] }, cancellationToken).ConfigureAwait(false);
            }

            foreach (var write in batch.Writes)
            {
                await WriteAsync(write.Path, write.Content, write.Mode, cancellationToken).ConfigureAwait(false);
            }

            if (batch.Deletes.Count > 0)
            {
                await RunBatchAsync(batch with { Directories = [], Writes = [] }, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await RunBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        foreach (var write in batch.Writes)
        {
            logger.WroteFile(session.Host, write.Path, write.Content.Length);
        }
    }

    public async Task EnsureDirectoryAsync(string path, HostFileMode mode, CancellationToken cancellationToken = default)
    {
        RequireAbsolute(path);
        ArgumentNullException.ThrowIfNull(mode);
        var p = ShellQuote.Quote(path);
        var script = $"mkdir -p -- {p}";
        if (TreeState.FormatOwner(mode) is { } owner)
        {
            script += $" && chown -- {ShellQuote.Quote(owner)} {p}";
        }

        script += $" && chmod -- {TreeState.FormatMode(mode.Mode)} {p}";
        var result = await session.RunAsync(script, cancellationToken).ConfigureAwait(false);
        result.EnsureSuccess(session.Host, $"creating directory {path}");
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        RequireAbsolute(path);
        var result = await session.RunAsync($"rm -f -- {ShellQuote.Quote(path)}", cancellationToken).ConfigureAwait(false);
        result.EnsureSuccess(session.Host, $"deleting {path}");
    }

    public async Task DeleteTreeAsync(string path, CancellationToken cancellationToken = default)
    {
        var dir = NormalizeDirectory(path);
        if (dir == "/")
        {
            throw new ArgumentException("Refusing to delete the root directory.", nameof(path));
        }

        var result = await session.RunAsync($"rm -rf -- {ShellQuote.Quote(dir)}", cancellationToken).ConfigureAwait(false);
        result.EnsureSuccess(session.Host, $"deleting {dir}");
    }

    private async Task WriteWithSftpAsync(string path, string directory, string name, ReadOnlyMemory<byte> content, HostFileMode mode, CancellationToken cancellationToken)
    {
        var temp = directory.TrimEnd('/') + "/" + TempName(name);
        var what = $"writing {path}";
        var (userId, groupId) = await ResolveOwnerAsync(path, mode, cancellationToken).ConfigureAwait(false);
        SftpClient? sftp = null;
        var created = false;
        SshException? unexplained = null;
        try
        {
            await session.GuardAsync(what, async () =>
            {
                sftp = await session.GetSftpAsync(cancellationToken).ConfigureAwait(false);
                SftpFileStream stream;
                try
                {
                    stream = await sftp.OpenAsync(temp, FileMode.CreateNew, FileAccess.Write, cancellationToken).ConfigureAwait(false);
                }
                catch (SftpPathNotFoundException)
                {
                    await CreateParentAsync(directory, cancellationToken).ConfigureAwait(false);
                    stream = await sftp.OpenAsync(temp, FileMode.CreateNew, FileAccess.Write, cancellationToken).ConfigureAwait(false);
                }

                created = true;
                await using (stream.ConfigureAwait(false))
                {
                    // Mode and owner before the content arrives, so a secret is never exposed under the default umask.
                    var attributes = await sftp.GetAttributesAsync(temp, cancellationToken).ConfigureAwait(false);
                    SetPermissionBits(attributes, mode.Mode);
                    if (userId is { } uid)
                    {
                        attributes.UserId = uid;
                    }

                    if (groupId is { } gid)
                    {
                        attributes.GroupId = gid;
                    }

                    sftp.SetAttributes(temp, attributes);
                    if ((userId is not null || groupId is not null) && mode.Mode > 0x1FF)
                    {
                        // chown clears set-id bits (the server applies it after chmod): apply the mode once more.
                        var again = await sftp.GetAttributesAsync(temp, cancellationToken).ConfigureAwait(false);
                        SetPermissionBits(again, mode.Mode);
                        sftp.SetAttributes(temp, again);
                    }

                    await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    sftp.RenameFile(temp, path, isPosix: true);
                }
                catch (NotSupportedException)
                {
                    var result = await session.RunAsync($"mv -f -- {ShellQuote.Quote(temp)} {ShellQuote.Quote(path)}", cancellationToken).ConfigureAwait(false);
                    result.EnsureSuccess(session.Host, $"renaming {temp} to {path}");
                }

                created = false;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (SftpPermissionDeniedException ex)
        {
            throw new HostExecutionException(session.Host, $"{what}: permission denied (login user without become?)", ex);
        }
        catch (SshException ex) when (ex is not SshConnectionException and not SshOperationTimeoutException)
        {
            unexplained = ex;
        }
        finally
        {
            if (created && sftp is not null && session.IsAlive)
            {
                TryDelete(sftp, temp);
            }
        }

        if (unexplained is not null)
        {
            // SFTP's status codes carry no reason (a full disk is just "Failure"): the same write as a command either works
            // or fails with what the system said ("head: write error: No space left on device").
            logger.SftpWriteFailed(session.Host, path, unexplained.Message);
            await WriteWithCommandAsync(path, content, mode, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Numeric ids for the mode's owner and group, resolved on the host once per connection.</summary>
    private async Task<(int? UserId, int? GroupId)> ResolveOwnerAsync(string path, HostFileMode mode, CancellationToken cancellationToken)
    {
        int? userId = mode.Owner is { } owner ? Known(_userIds, owner) : null;
        int? groupId = mode.Group is { } group ? Known(_groupIds, group) : null;
        var needUser = mode.Owner is not null && userId is null;
        var needGroup = mode.Group is not null && groupId is null;
        if (!needUser && !needGroup)
        {
            return (userId, groupId);
        }

        var script = "set -e";
        if (needUser)
        {
            script += $"; u=$(id -u -- {ShellQuote.Quote(mode.Owner!)}); echo \"u $u\"";
        }

        if (needGroup)
        {
            var g = ShellQuote.Quote(mode.Group!);
            script += $"; g=$(getent group -- {g} | cut -d: -f3); [ -n \"$g\" ] || {{ echo \"no such group: \"{g} >&2; exit 2; }}; echo \"g $g\"";
        }

        var result = await session.RunAsync(script, cancellationToken).ConfigureAwait(false);
        result.EnsureSuccess(session.Host, $"setting the owner of {path} to {TreeState.FormatOwner(mode)}");
        foreach (var line in result.OutputText.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var id = int.Parse(line[2..].Trim(), CultureInfo.InvariantCulture);
            if (line[0] == 'u')
            {
                _userIds[mode.Owner!] = id;
                userId = id;
            }
            else
            {
                _groupIds[mode.Group!] = id;
                groupId = id;
            }
        }

        return (userId, groupId);

        static int? Known(ConcurrentDictionary<string, int> cache, string name) =>
            int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric
            : cache.TryGetValue(name, out var id) ? id
            : null;
    }

    private Task WriteWithCommandAsync(string path, ReadOnlyMemory<byte> content, HostFileMode mode, CancellationToken cancellationToken) =>
        RunBatchAsync(new HostFileBatch([], [new HostFileWrite(path, content, mode)], []), cancellationToken);

    private async Task RunBatchAsync(HostFileBatch batch, CancellationToken cancellationToken)
    {
        var (script, input) = FileBatchScript.Build(batch);
        var what = batch.Writes.Count switch
        {
            0 when batch.Deletes.Count == 0 => $"creating {string.Join(", ", batch.Directories.Select(d => d.Path))}",
            0 => $"deleting {string.Join(", ", batch.Deletes)}",
            1 => $"writing {batch.Writes[0].Path}",
            var n => $"writing {n} files ({batch.Writes[0].Path}, ...)",
        };
        var result = await session.RunAsync(script, input.IsEmpty ? null : input, cancellationToken, what).ConfigureAwait(false);
        result.EnsureSuccess(session.Host, what);
    }

    private async Task CreateParentAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await session.RunAsync($"mkdir -p -- {ShellQuote.Quote(directory)}", cancellationToken).ConfigureAwait(false);
        result.EnsureSuccess(session.Host, $"creating directory {directory}");
    }

    private static void SetPermissionBits(SftpFileAttributes attributes, int mode)
    {
        attributes.OwnerCanRead = (mode & 0x100) != 0;
        attributes.OwnerCanWrite = (mode & 0x80) != 0;
        attributes.OwnerCanExecute = (mode & 0x40) != 0;
        attributes.GroupCanRead = (mode & 0x20) != 0;
        attributes.GroupCanWrite = (mode & 0x10) != 0;
        attributes.GroupCanExecute = (mode & 0x8) != 0;
        attributes.OthersCanRead = (mode & 0x4) != 0;
        attributes.OthersCanWrite = (mode & 0x2) != 0;
        attributes.OthersCanExecute = (mode & 0x1) != 0;
        attributes.IsUIDBitSet = (mode & 0x800) != 0;
        attributes.IsGroupIDBitSet = (mode & 0x400) != 0;
        attributes.IsStickyBitSet = (mode & 0x200) != 0;
    }

    private static void TryDelete(SftpClient sftp, string path)
    {
        try
        {
            sftp.DeleteFile(path);
        }
        catch (Exception ex) when (ex is SshException or ObjectDisposedException or InvalidOperationException)
        {
            // Best effort: the write already failed and that error is what the caller sees.
        }
    }

    private static string TempPrefix(string name) => "." + (name.Length > 200 ? name[..200] : name) + ".kolla-";

    private static string TempName(string name) => TempPrefix(name) + RandomNumberGenerator.GetHexString(8, lowercase: true);

    private static (string Directory, string Name) Split(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = path[(slash + 1)..];
        if (name.Length == 0 || name is "." or "..")
        {
            throw new ArgumentException($"'{path}' does not name a file.", nameof(path));
        }

        return (slash == 0 ? "/" : path[..slash], name);
    }

    internal static string NormalizeDirectory(string directory)
    {
        RequireAbsolute(directory);
        var trimmed = directory.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }

    private static void RequireAbsolute(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path[0] != '/')
        {
            throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        }
    }
}
