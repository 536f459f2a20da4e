using System.Text;
using System.Text.Unicode;

namespace Kolla.Configuration;

/// <summary>One input of a config merge: a name (usually the file path) and its text, or no text when the file is missing.</summary>
/// <remarks>
/// kolla-ansible's <c>merge_configs</c>/<c>merge_yaml</c> skip a source that does not exist or cannot be read:
/// that is how optional override files work. A <see cref="Missing"/> source is skipped the same way.
/// </remarks>
/// <param name="Name">The name used in errors and provenance (the path as given).</param>
/// <param name="Text">The text, or null when the source does not exist.</param>
public sealed record ConfigSource(string Name, string? Text)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>True when the source exists (has text).</summary>
    public bool Exists => Text is not null;

    /// <summary>A source with the given text.</summary>
    public static ConfigSource FromText(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        return new ConfigSource(name, text);
    }

    /// <summary>A source that does not exist; merges skip it.</summary>
    public static ConfigSource Missing(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ConfigSource(name, null);
    }

    /// <summary>
    /// Reads a file as UTF-8 (a byte order mark is kept as a character, as Python's text mode does).
    /// A path that does not exist gives a <see cref="Missing"/> source.
    /// </summary>
    /// <exception cref="ConfigMergeException">The path is a directory, the file is larger than the document limit, or the bytes are not valid UTF-8.</exception>
    public static async Task<ConfigSource> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadUtf8FileAsync(path, cancellationToken).ConfigureAwait(false);
        return bytes is null ? Missing(path) : new ConfigSource(path, Decode(path, bytes));
    }

    /// <summary>Reads a file's bytes and checks they are UTF-8 (null when the file is missing or unreadable).</summary>
    /// <exception cref="ConfigMergeException">The path is a directory, the file is larger than the document limit, or the bytes are not valid UTF-8.</exception>
    internal static async Task<byte[]?> ReadUtf8FileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ConfigMergeException(path, null, "is a directory, not a file");
        }

        byte[] bytes;
        try
        {
            bytes = await InputFile.ReadAllBytesAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // Missing or unreadable: skipped, as kolla-ansible's os.access(R_OK) check does.
            return null;
        }
        catch (InputTooLargeException e)
        {
            throw new ConfigMergeException(path, null, e.Message);
        }

        if (!Utf8.IsValid(bytes))
        {
            // Decoding names the offending line.
            Decode(path, bytes);
        }

        return bytes;
    }

    /// <summary>Decodes UTF-8 strictly; invalid bytes are an error naming the line they are on.</summary>
    /// <exception cref="ConfigMergeException">The bytes are not valid UTF-8.</exception>
    public static string Decode(string name, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Clamp(e.Index, 0, bytes.Length);
            var line = 1 + bytes[..offset].Count((byte)'\n');
            throw new ConfigMergeException(name, line, $"the file is not valid UTF-8 (byte offset {offset})", e);
        }
    }
}
