using System.Text;

namespace Kolla.Passwords;

/// <summary>File handling for passwords files: atomic writes with mode 0600 and permission checks.</summary>
internal static class PasswordFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Writes the text atomically: a temporary file created with mode 0600 next to the target, flushed to
    /// disk, then renamed over it. A failure never leaves a half-written file.
    /// </summary>
    /// <exception cref="PasswordsException">The file cannot be written.</exception>
    public static async Task WriteAtomicAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = ResolveTarget(path);
        try
        {
            await AtomicFileWriter.WriteAsync(full, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), OwnerOnly, cancellationToken).ConfigureAwait(false);
            RestrictMode(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PasswordsException(path, 0, $"cannot write the file: {ex.Message}");
        }
    }

    /// <summary>
    /// Reads the file's text as strict UTF-8 (a leading byte order mark is dropped). Bytes that are not UTF-8 are an
    /// error naming their line: a value read with replacement characters would be written back changed.
    /// </summary>
    /// <exception cref="PasswordsException">The file cannot be read, or is not UTF-8.</exception>
    public static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await InputFile.ReadAllBytesAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PasswordsException(path, 0, $"cannot read the file: {ex.Message}");
        }

        return Decode(path, bytes);
    }

    /// <summary>Decodes strict UTF-8; the first invalid byte is reported with its line and value.</summary>
    /// <exception cref="PasswordsException">The bytes are not UTF-8.</exception>
    public static string Decode(string path, ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Clamp(ex.Index, 0, Math.Max(bytes.Length - 1, 0));
            var line = 1 + bytes[..offset].Count((byte)'\n');
            throw new PasswordsException(
                path,
                line,
                $"the file is not valid UTF-8 (byte 0x{bytes[offset]:X2} at offset {offset}); it is left unchanged, since a value that cannot be read exactly cannot be kept exactly");
        }
    }

    /// <summary>
    /// The file a write to <paramref name="path"/> lands in: the path itself, or the final target of a symbolic link
    /// (even a dangling one), so the link survives and the file it points to is written.
    /// </summary>
    /// <exception cref="PasswordsException">The link cannot be followed (a loop).</exception>
    public static string ResolveTarget(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return full;
        }
        catch (IOException ex)
        {
            throw new PasswordsException(path, 0, $"cannot follow the symbolic link: {ex.Message}");
        }
    }

    /// <summary>
    /// Checks, before any value is generated, that <paramref name="target"/> can be written the way
    /// <see cref="WriteAtomicAsync"/> writes it: not a directory, in a directory that exists and takes new files.
    /// </summary>
    /// <param name="path">The path as the caller gave it (for messages).</param>
    /// <param name="target">The resolved file (<see cref="ResolveTarget"/>).</param>
    /// <exception cref="PasswordsException">The target cannot be written.</exception>
    public static void CheckWritable(string path, string target)
    {
        var shown = string.Equals(path, target, StringComparison.Ordinal) || string.Equals(Path.GetFullPath(path), target, StringComparison.Ordinal)
            ? path
            : $"{path} (a symbolic link to {target})";
        if (Directory.Exists(target))
        {
            throw new PasswordsException(shown, 0, "is a directory, not a passwords file");
        }

        var directory = Path.GetDirectoryName(target) ?? ".";
        if (!Directory.Exists(directory))
        {
            throw new PasswordsException(shown, 0, $"cannot write the file: directory {directory} does not exist");
        }

        var probe = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.probe");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PasswordsException(shown, 0, $"cannot write the file: {ex.Message}");
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
        var target = ResolveTarget(path);
        if (OperatingSystem.IsWindows() || !File.Exists(target))
        {
            return [];
        }

        var mode = File.GetUnixFileMode(target);
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
}
