using System.Threading.Channels;
using Docker.DotNet.Handler.Abstractions;

namespace Kolla.Ssh;

/// <summary>
/// A duplex, non-seekable stream whose reads take the chunks an SSH channel's receiving side puts in <see cref="Chunks"/>:
/// the read side both SSH streams share (an exec channel's stdout, a socket channel's data).
/// </summary>
/// <remarks>
/// The receiving side writes each chunk it gets and completes the channel at the end (with an exception to fail the reads).
/// Reads await the channel without blocking pool threads; a zero-byte read waits until data or the end is there, as
/// sockets do.
/// </remarks>
internal abstract class ChunkReadStream : WriteClosableStream
{
    private ReadOnlyMemory<byte> _current;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override bool CanCloseWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>What was received and not yet read, one array per chunk; one writer, one reader.</summary>
    protected Channel<byte[]> Chunks { get; } = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            // Zero-byte read: wait until data (or the end) is available, as sockets do.
            if (_current.IsEmpty)
            {
                await Chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }

        while (_current.IsEmpty)
        {
            if (!await Chunks.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            if (Chunks.Reader.TryRead(out var chunk))
            {
                _current = chunk;
            }
        }

        var count = Math.Min(buffer.Length, _current.Length);
        _current[..count].CopyTo(buffer);
        _current = _current[count..];
        Consumed(count);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Called after each read with how many bytes it took (for flow control); does nothing by default.</summary>
    /// <param name="count">Bytes the read returned.</param>
    protected virtual void Consumed(int count)
    {
    }
}
