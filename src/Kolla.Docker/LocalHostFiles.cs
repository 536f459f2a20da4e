using System.Security.Cryptography;
using Kolla.Hosts;

namespace Kolla.Docker;

/// <summary>The files of the host this process runs on (inventory hosts with <c>ansible_connection=local</c>).</summary>
/// <remarks>
/// Writes go to a temporary file in the target's directory, are flushed to disk, get their mode and owner, and are
/// then renamed over the target, so a reader never sees a half-written file. Owner and group names are resolved
/// through <c>/etc/passwd</c> and <c>/etc/group</c>; numeric ids are accepted too. Counterpart of what kolla-ansible
/// does with Ansible's <c>copy</c>/<c>template</c>/<c>file</c> modules on each node.
/// </remarks>
internal sealed class LocalHostFiles : IHostFiles
{
    private const string TempMarker = ".kolla-tmp-";
    private const string UnixOnly = "LocalHostFiles manages Unix hosts only.";
    private readonly string _host;
    private readonly string _passwdPath;
    private readonly string _groupPath;
    private readonly Lazy<Task<UnixAccounts>> _accounts;

    /// <summary>Creates the local file store.</summary>
    /// <param name="host">Inventory name of the host, used in messages.</param>
    /// <exception cref="PlatformNotSupportedException">On Windows.</exception>
    public LocalHostFiles(string host = "localhost")
        : this(host, "/etc/passwd", "/etc/group")
    {
    }

    internal LocalHostFiles(string host, string passwdPath, string groupPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        EnsureUnix();
        _host = host;
        _passwdPath = passwdPath;
        _groupPath = groupPath;
        _accounts = new Lazy<Task<UnixAccounts>>(() => UnixAccounts.LoadAsync(_passwdPath, _groupPath, CancellationToken.None));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, HostFileState>> ReadTreeStateAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var root = Path.GetFullPath(directory);
        var result = new Dictionary<string, HostFileState>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return result;
        }

        var accounts = await _accounts.Value.ConfigureAwait(false);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        try
        {
            foreach (var path in Directory.EnumerateFiles(root, "*", options).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (new FileInfo(path).LinkTarget is not null)
                {
                    continue;
                }

                var (uid, gid, mode) = UnixNative.Stat(path);
                string hash;
                var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 65536, FileOptions.Asynchronous);
                await using (stream.ConfigureAwait(false))
                {
                    hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
                }

                result[path] = new HostFileState(path, hash, mode, accounts.UserName(uid), accounts.GroupName(gid));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostExecutionException(_host, $"cannot read {root}: {e.Message}", e);
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostExecutionException(_host, $"cannot read {path}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, HostFileMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(mode);
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target) ?? throw new ArgumentException($"{path} has no parent directory.", nameof(path));
        var (uid, gid) = await ResolveOwnerAsync(mode).ConfigureAwait(false);
        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}{TempMarker}{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(directory);
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException(UnixOnly);
            }

            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Options = FileOptions.Asynchronous,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            var stream = new FileStream(temp, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            ApplyModeAndOwner(temp, mode, uid, gid);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e)
        {
            TryDelete(temp);
            if (e is IOException or UnauthorizedAccessException)
            {
                throw new HostExecutionException(_host, $"cannot write {target}: {Reason(e, temp)}", e);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task EnsureDirectoryAsync(string path, HostFileMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(mode);
        cancellationToken.ThrowIfCancellationRequested();
        var (uid, gid) = await ResolveOwnerAsync(mode).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(path);
            ApplyModeAndOwner(path, mode, uid, gid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostExecutionException(_host, $"cannot create directory {path}: {Reason(e, path)}", e);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing to delete.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostExecutionException(_host, $"cannot delete {path}: {e.Message}", e);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteTreeAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostExecutionException(_host, $"cannot delete {path}: {e.Message}", e);
        }

        return Task.CompletedTask;
    }

    private async Task<(uint? Uid, uint? Gid)> ResolveOwnerAsync(HostFileMode mode)
    {
        if (mode.Owner is null && mode.Group is null)
        {
            return (null, null);
        }

        var accounts = await _accounts.Value.ConfigureAwait(false);
        uint? uid = null;
        uint? gid = null;
        if (mode.Owner is { } owner)
        {
            uid = accounts.UserId(owner) ?? throw new HostExecutionException(_host, $"unknown user '{owner}' (not in {_passwdPath})");
        }

        if (mode.Group is { } group)
        {
            gid = accounts.GroupId(group) ?? throw new HostExecutionException(_host, $"unknown group '{group}' (not in {_groupPath})");
        }

        return (uid, gid);
    }

    private static void ApplyModeAndOwner(string path, HostFileMode mode, uint? uid, uint? gid)
    {
        if (uid is not null || gid is not null)
        {
            UnixNative.ChangeOwner(path, uid, gid);
        }

        // After chown: changing the owner clears set-id bits.
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(UnixOnly);
        }

        File.SetUnixFileMode(path, (UnixFileMode)mode.Mode);
    }

    /// <summary>
    /// What the system said, without the path .NET appends (<c>No space left on device : '/dir/.name.kolla-tmp-…'</c>):
    /// the message names the target already, and a temporary name would only confuse.
    /// </summary>
    private static string Reason(Exception exception, string path) =>
        exception.Message.Replace($" : '{path}'", "", StringComparison.Ordinal);

    private static void EnsureUnix()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(UnixOnly);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort; the temporary name is recognisable.
        }
    }
}
