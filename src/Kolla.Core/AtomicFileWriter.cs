namespace Kolla;

/// <summary>Writes a file so that readers see the old content or the new one, never a half-written file.</summary>
internal static class AtomicFileWriter
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes <paramref name="bytes"/> to a temporary file beside <paramref name="path"/> (created with mode 0600, so a
    /// secret is never readable by others, even for a moment), flushes it to disk, gives it <paramref name="mode"/>, then
    /// renames it over <paramref name="path"/>. On failure the temporary file is removed and the target is untouched.
    /// </summary>
    /// <exception cref="IOException">The file cannot be written (callers name it in their own error).</exception>
    /// <exception cref="UnauthorizedAccessException">The directory does not take new files.</exception>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path) ?? ".", $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            await using (var stream = new FileStream(temp, options))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && mode != OwnerOnly)
            {
                File.SetUnixFileMode(temp, mode);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
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
            // Best effort: the name says what it was.
        }
    }
}
