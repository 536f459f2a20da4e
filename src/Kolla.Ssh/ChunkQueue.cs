using System.Threading.Channels;

namespace Kolla.Ssh;

/// <summary>
/// The bytes an SSH channel delivered and a stream's reader has not taken yet: chunks in arrival order, read into the
/// caller's buffer as a socket would be (a zero-byte read waits for data or the end).
/// </summary>
internal sealed class ChunkQueue
{
    private readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private ReadOnlyMemory<byte> _current;

    /// <summary>Adds a chunk (the queue keeps the array).</summary>
    /// <param name="chunk">The bytes.</param>
    public void Add(byte[] chunk) => _chunks.Writer.TryWrite(chunk);

    /// <summary>Ends the queue: reads return what is left, then 0, or throw <paramref name="failure"/> when given.</summary>
    /// <param name="failure">Why the channel ended, or null for its normal end.</param>
    public void Complete(Exception? failure = null) => _chunks.Writer.TryComplete(failure);

    /// <summary>Copies up to <paramref name="buffer"/>'s length of the next bytes into it.</summary>
    /// <param name="buffer">Where to copy.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>How many bytes were copied; 0 at the end (or for an empty buffer, once data or the end is there).</returns>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            if (_current.IsEmpty)
            {
                await _chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }

        while (_current.IsEmpty)
        {
            if (!await _chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            if (_chunks.Reader.TryRead(out var chunk))
            {
                _current = chunk;
            }
        }

        var count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        return count;
    }
}
