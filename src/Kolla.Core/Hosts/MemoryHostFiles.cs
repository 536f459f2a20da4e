using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Kolla.Hosts;

/// <summary>Files held in memory, optionally seeded lazily from this machine's real files (read-only).</summary>
internal sealed class MemoryHostFiles(bool readLocal) : IHostFiles
{
    private readonly ConcurrentDictionary<string, (byte[] Content, int Mode)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _deleted = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, HostFileState>> ReadTreeStateAsync(string directory, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, HostFileState>(StringComparer.Ordinal);
        var prefix = directory.TrimEnd('/') + "/";
        if (readLocal && Directory.Exists(directory))
        {
            foreach (var path in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 }))
            {
                try
                {
                    var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                    var mode = OperatingSystem.IsWindows() ? 0 : (int)File.GetUnixFileMode(path) & 0xFFF;
                    result[path] = new HostFileState(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), mode, "root", "root");
                }
                catch (UnauthorizedAccessException)
                {
                    // Unreadable: treated as absent.
                }
                catch (IOException)
                {
                    // Vanished or special: treated as absent.
                }
            }
        }

        foreach (var path in _deleted.Keys)
        {
            result.Remove(path);
        }

        foreach (var (path, (content, mode)) in _files.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            result[path] = new HostFileState(path, Convert.ToHexStringLower(SHA256.HashData(content)), mode, "root", "root");
        }

        return result;
    }

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (_files.TryGetValue(path, out var file))
        {
            return file.Content;
        }

        if (!readLocal || _deleted.ContainsKey(path) || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, HostFileMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mode);
        _deleted.TryRemove(path, out _);
        _files[path] = (content.ToArray(), mode.Mode);
        return Task.CompletedTask;
    }

    public Task EnsureDirectoryAsync(string path, HostFileMode mode, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        _files.TryRemove(path, out _);
        _deleted[path] = 0;
        return Task.CompletedTask;
    }

    public Task DeleteTreeAsync(string path, CancellationToken cancellationToken = default)
    {
        var prefix = path.TrimEnd('/') + "/";
        foreach (var key in _files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _files.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }
}
