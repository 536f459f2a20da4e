namespace Kolla.Hosts;

/// <summary>The files of one target host: read state in batches, write atomically.</summary>
/// <remarks>
/// Implemented by the local file system (Docker executor), SFTP (SSH executor) and an in-memory store (dry run).
/// Every write goes to a temporary name beside the target and is renamed into place, so a file is never half-written.
/// </remarks>
public interface IHostFiles
{
    /// <summary>Reads the state (hash, mode, owner) of every regular file below <paramref name="directory"/>, recursively, in one round trip where the transport allows it.</summary>
    /// <returns>Files keyed by absolute path; empty when the directory does not exist.</returns>
    Task<IReadOnlyDictionary<string, HostFileState>> ReadTreeStateAsync(string directory, CancellationToken cancellationToken = default);

    /// <summary>Reads a file's bytes, or null if it does not exist.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Writes a file atomically (temporary name, then rename) with the given mode and owner; creates missing parents.</summary>
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, HostFileMode mode, CancellationToken cancellationToken = default);

    /// <summary>Creates a directory (and parents) if missing and applies the mode and owner.</summary>
    Task EnsureDirectoryAsync(string path, HostFileMode mode, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file if it exists.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes a directory tree if it exists.</summary>
    Task DeleteTreeAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a batch: ensures its directories, writes its files (each atomically, as <see cref="WriteAsync"/>), then
    /// deletes its deletions, in one round trip where the transport allows it. Stops at the first failure.
    /// </summary>
    /// <remarks>The default applies the items one by one; a transport that pays per command (SSH) overrides it.</remarks>
    async Task ApplyAsync(HostFileBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var directory in batch.Directories)
        {
            await EnsureDirectoryAsync(directory.Path, directory.Mode, cancellationToken).ConfigureAwait(false);
        }

        foreach (var write in batch.Writes)
        {
            await WriteAsync(write.Path, write.Content, write.Mode, cancellationToken).ConfigureAwait(false);
        }

        foreach (var path in batch.Deletes)
        {
            await DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }
}
