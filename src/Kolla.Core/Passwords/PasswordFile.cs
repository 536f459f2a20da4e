namespace Kolla.Passwords;

/// <summary>File handling for passwords files: atomic writes with mode 0600 and permission checks.</summary>
internal static class PasswordFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Writes the text atomically: a temporary file created with mode 0600 next to the target, flushed to
    /// disk, then renamed over it. A failure never leaves a half-written file.
    /// </summary>
    /// <exception cref="PasswordsException">The file cannot be written.</exception>
    public static async Task WriteAtomicAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            await using (var stream = new FileStream(temp, options))
            {
                var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
            RestrictMode(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new PasswordsException(path, 0, $"cannot write the file: {ex.Message}");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Reads the file's text.</summary>
    /// <exception cref="PasswordsException">The file cannot be read.</exception>
    public static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await InputFile.ReadAllTextAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PasswordsException(path, 0, $"cannot read the file: {ex.Message}");
        }
    }

    /// <summary>Sets mode 0600 (owner read/write only) where the OS has Unix modes.</summary>
    public static void RestrictMode(string path)
    {
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != OwnerOnly)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    /// <summary>Warnings when the file can be read or written by everyone (as kolla-genpwd prints them).</summary>
    public static IReadOnlyList<string> PermissionWarnings(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return [];
        }

        var mode = File.GetUnixFileMode(path);
        var warnings = new List<string>();
        if (mode.HasFlag(UnixFileMode.OtherRead))
        {
            warnings.Add($"{path}: passwords file is world-readable; its mode is set to 0600 when written");
        }

        if (mode.HasFlag(UnixFileMode.OtherWrite))
        {
            warnings.Add($"{path}: passwords file is world-writable; its mode is set to 0600 when written");
        }

        return warnings;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
