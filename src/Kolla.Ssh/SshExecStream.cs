using Docker.DotNet.Handler.Abstractions;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Kolla.Ssh;

/// <summary>A remote command's stdin and stdout as one duplex stream, over an exec channel of an SSH connection.</summary>
/// <remarks>
/// SSH.NET exposes a command's stdout only as a blocking <see cref="PipeStream"/>, so a dedicated background thread
/// copies it into a channel that <see cref="ReadAsync(Memory{byte}, CancellationToken)"/> awaits without blocking pool
/// threads. <see cref="CloseWrite"/> sends EOF on stdin (the half-close Docker's hijacked exec/attach streams need).
/// When the command fails before writing anything, reads fail with its exit status and stderr; when the SSH connection
/// is lost, reads fail with an <see cref="IOException"/> wrapping SSH.NET's <see cref="SshConnectionException"/>.
/// </remarks>
internal sealed class SshExecStream : WriteClosableStream
{
    private const int ChunkSize = 32 * 1024;

    private readonly SshCommand _command;
    private readonly Task _execution;
    private readonly Stream _input;
    private readonly string _display;
    private readonly ChunkQueue _chunks = new();
    private long _received;
    private int _writeClosed;
    private int _disposed;

    private SshExecStream(SshCommand command, Task execution, Stream input, string display)
    {
        _command = command;
        _display = display;
        _execution = execution;
        _input = input;
        var pump = new Thread(Pump) { IsBackground = true, Name = "kolla-ssh-exec-stream" };
        pump.Start();
    }

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

    /// <summary>The command's stderr as SSH.NET buffers it (blocking reads; ends when the command does).</summary>
    public Stream Errors => _command.ExtendedOutputStream;

    /// <summary>Starts <paramref name="commandText"/> in a new exec channel and returns its stdin/stdout.</summary>
    /// <param name="client">The connected SSH client.</param>
    /// <param name="commandText">The remote command line.</param>
    /// <param name="display">How error messages name the command (default: <paramref name="commandText"/>).</param>
    public static SshExecStream Start(SshClient client, string commandText, string? display = null)
    {
        var command = client.CreateCommand(commandText);
        try
        {
            // No token: the stream's lifetime (Dispose) ends the command.
            var execution = command.ExecuteAsync(CancellationToken.None);
            var input = command.CreateInputStream();
            return new SshExecStream(command, execution, input, display ?? commandText);
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _chunks.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        try
        {
            WriteCore(buffer.Span);
            return ValueTask.CompletedTask;
        }
        catch (IOException ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteCore(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void CloseWrite()
    {
        if (Interlocked.Exchange(ref _writeClosed, 1) == 0)
        {
            try
            {
                _input.Dispose(); // sends EOF on the channel
            }
            catch (Exception ex) when (ex is SshException or ObjectDisposedException or InvalidOperationException)
            {
                // The channel is already gone; nothing to close.
            }
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // No explicit EOF here: closing the channel (below) sends EOF then CLOSE under SSH.NET's channel lock, while
            // an explicit EOF could race a CLOSE from the server and make OpenSSH drop the connection.
            Interlocked.Exchange(ref _writeClosed, 1);
            try
            {
                if (!_execution.IsCompleted)
                {
                    // Ask the remote process to end (OpenSSH delivers "signal" requests), then close the channel.
                    _command.CancelAsync(forceKill: false, millisecondsTimeout: 0);
                }
            }
            catch (Exception ex) when (ex is SshException or ObjectDisposedException or InvalidOperationException)
            {
                // Connection already gone.
            }

            _command.Dispose();
            _chunks.Complete();
            _execution.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        base.Dispose(disposing);
    }

    private void WriteCore(ReadOnlySpan<byte> buffer)
    {
        try
        {
            // SSH.NET sends channel data synchronously (waiting for window space when needed).
            _input.Write(buffer);
        }
        catch (Exception ex) when (ex is SshException or ObjectDisposedException or InvalidOperationException)
        {
            throw new IOException($"Writing to '{_display}' failed: {ex.Message}", ex);
        }
    }

    private void Pump()
    {
        Exception? failure = null;
        try
        {
            var output = _command.OutputStream;
            var buffer = new byte[ChunkSize];
            int read;
            while ((read = output.Read(buffer, 0, buffer.Length)) > 0)
            {
                _received += read;
                _chunks.Add(buffer.AsSpan(0, read).ToArray());
            }

            failure = DescribeEnd();
        }
        catch (Exception ex)
        {
            failure = new IOException($"Reading from '{_display}' failed: {ex.Message}", ex);
        }
        finally
        {
            _chunks.Complete(failure);
        }
    }

    private IOException? DescribeEnd()
    {
        if (Volatile.Read(ref _disposed) != 0 || !_execution.IsCompleted)
        {
            return null;
        }

        if (_execution.Exception?.GetBaseException() is SshConnectionException lost)
        {
            return new IOException($"The SSH connection was lost while '{_display}' ran: {lost.Message}", lost);
        }

        if (_received == 0 && _command.ExitStatus is { } status and not 0)
        {
            var error = _command.Error.Trim();
            if (error.Length > 500)
            {
                error = error[..500];
            }

            return new IOException($"'{_display}' exited with status {status}: {error}");
        }

        return null;
    }
}
