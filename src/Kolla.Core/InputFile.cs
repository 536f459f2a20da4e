using System.Text;

namespace Kolla;

/// <summary>
/// Reads an input file (globals, passwords, inventories, extra vars, overrides, catalogue overlays) no further than
/// <see cref="KollaLimits.MaxDocumentBytes"/>: a huge file, or one that never ends such as <c>/dev/zero</c>, is refused
/// with an <see cref="InputTooLargeException"/> (an <see cref="IOException"/>, so each reader reports it as it reports a
/// file it cannot read) after reading at most one byte more than the limit.
/// </summary>
internal static class InputFile
{
    private const int ChunkSize = 64 * 1024;

    /// <summary>Reads the whole file as bytes.</summary>
    /// <exception cref="InputTooLargeException">The file holds more than the limit.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<byte[]> ReadAllBytesAsync(string path, KollaLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var max = (limits ?? KollaLimits.FromEnvironment()).MaxDocumentBytes;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
        if (stream.CanSeek && stream.Length > max)
        {
            throw new InputTooLargeException(path, max);
        }

        using var buffer = new MemoryStream();
        if (stream.CanSeek && stream.Length > 0)
        {
            // A regular file: read it straight into an array of its size (no chunk copies), then make sure it did
            // not grow meanwhile; if it did, carry on in chunks from there.
            var whole = GC.AllocateUninitializedArray<byte>((int)stream.Length);
            var filled = 0;
            while (filled < whole.Length && await stream.ReadAsync(whole.AsMemory(filled), cancellationToken).ConfigureAwait(false) is > 0 and var got)
            {
                filled += got;
            }

            if (filled < whole.Length)
            {
                return whole[..filled];
            }

            var probe = new byte[1];
            if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0)
            {
                return whole;
            }

            if (whole.Length + 1 > max)
            {
                throw new InputTooLargeException(path, max);
            }

            buffer.Write(whole);
            buffer.Write(probe);
        }

        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new InputTooLargeException(path, max);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads the whole file as text, as <see cref="File.ReadAllTextAsync(string, Encoding, CancellationToken)"/> does
    /// (a byte-order mark picks the encoding and is dropped).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="encoding">The encoding without a byte-order mark (default: UTF-8, invalid bytes replaced).</param>
    /// <param name="limits">The limits (default: <see cref="KollaLimits.FromEnvironment()"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="InputTooLargeException">The file holds more than the limit.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="DecoderFallbackException"><paramref name="encoding"/> throws on invalid bytes and met some.</exception>
    public static async Task<string> ReadAllTextAsync(
        string path, Encoding? encoding = null, KollaLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadAllBytesAsync(path, limits, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
