using System.Globalization;
using Docker.DotNet.Handler.Abstractions;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Messages.Connection;

namespace Kolla.Ssh;

/// <summary>
/// A unix socket on the target as one duplex stream, through OpenSSH's <c>direct-streamlocal@openssh.com</c> channel:
/// sshd connects to the socket itself, so no login shell and no program runs on the target (what <c>ssh -L
/// local:/remote.sock</c> uses).
/// </summary>
/// <remarks>
/// SSH.NET has no such channel type, so this class speaks the connection protocol (RFC 4254 section 5) over SSH.NET's
/// session: it opens the channel with <see cref="StreamLocalChannelInfo"/>, follows the session's public channel events for
/// its own channel number, and keeps both flow-control windows. It never sends anything after its CLOSE, since OpenSSH drops
/// the whole connection for a message to a channel it has freed. Reads end at the server's EOF or CLOSE; a lost connection
/// fails them with an <see cref="IOException"/> wrapping <see cref="SshConnectionException"/>; a refused open is
/// <see cref="ChannelOpenRefusedException"/>.
/// </remarks>
internal sealed class StreamLocalStream : WriteClosableStream
{
    private const uint LocalWindowSize = 2 * 1024 * 1024;
    private const uint LocalPacketSize = 64 * 1024;

    private readonly Session _session;
    private readonly uint _localNumber;
    private readonly string _socketPath;
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ChunkQueue _chunks = new();

    // Every message this channel sends is sent under _send, after checking that no CLOSE was sent yet.
    private readonly Lock _send = new();
    private readonly Lock _window = new();
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private TaskCompletionSource? _windowWaiter;
    private uint _remoteNumber;
    private uint _remotePacketSize;
    private long _remoteWindow;
    private long _consumed;
    private bool _open;
    private bool _eofSent;
    private bool _closeSent;
    private volatile bool _closeReceived;
    private volatile Exception? _broken;
    private int _unsubscribed;
    private int _disposed;

    private StreamLocalStream(Session session, uint localNumber, string socketPath)
    {
        _session = session;
        _localNumber = localNumber;
        _socketPath = socketPath;
        session.ChannelOpenConfirmationReceived += OnOpenConfirmation;
        session.ChannelOpenFailureReceived += OnOpenFailure;
        session.ChannelWindowAdjustReceived += OnWindowAdjust;
        session.ChannelDataReceived += OnData;
        session.ChannelEofReceived += OnEof;
        session.ChannelCloseReceived += OnClose;
        session.Disconnected += OnDisconnected;
        session.ErrorOccured += OnError;
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

    /// <summary>Opens a channel to <paramref name="socketPath"/> on the server of <paramref name="client"/>.</summary>
    /// <exception cref="ChannelOpenRefusedException">The server refused (forwarding not allowed, no such socket, permission denied, unknown channel type).</exception>
    /// <exception cref="SshConnectionException">The client is not connected, or the connection was lost.</exception>
    /// <exception cref="SshOperationTimeoutException">No answer within <paramref name="timeout"/>.</exception>
    /// <exception cref="MissingMemberException">This SSH.NET lacks a member <see cref="SshClientInternals"/> needs.</exception>
    public static async Task<StreamLocalStream> OpenAsync(SshClient client, string socketPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var session = SshClientInternals.SessionOf(client) ?? throw new SshConnectionException("The SSH client is not connected.");
        var stream = new StreamLocalStream(session, SshClientInternals.NextChannelNumber(session), socketPath);
        try
        {
            SshClientInternals.Send(session, new ChannelOpenMessage(stream._localNumber, LocalWindowSize, LocalPacketSize, new StreamLocalChannelInfo(socketPath)));
            await stream._opened.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return stream;
        }
        catch (TimeoutException)
        {
            stream.Dispose();
            throw new SshOperationTimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"sshd did not answer a request to open {socketPath} within {timeout.TotalSeconds:0.#} s"));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await _chunks.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Consumed(count);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!buffer.IsEmpty)
            {
                var count = await ReserveWindowAsync(buffer.Length, cancellationToken).ConfigureAwait(false);
                var data = buffer[..count].ToArray();
                SendData(data);
                buffer = buffer[count..];
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends EOF: the socket's peer reads the end of its input (Docker's half-close of hijacked streams).</summary>
    public override void CloseWrite()
    {
        lock (_send)
        {
            if (_open && !_eofSent && !_closeSent && !_closeReceived && _broken is null)
            {
                _eofSent = true;
                TrySend(new ChannelEofMessage(_remoteNumber));
            }
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // The events stay followed until the server's CLOSE (or a late open confirmation, answered with CLOSE) arrives.
            SendClose();
            _chunks.Complete();
            _opened.TrySetCanceled();
            Fail(new ObjectDisposedException(nameof(StreamLocalStream)));
        }

        base.Dispose(disposing);
    }

    /// <summary>Sends CLOSE once, when the channel is open and the connection up; never anything after it.</summary>
    private void SendClose()
    {
        lock (_send)
        {
            if (_open && !_closeSent && _session.IsConnected)
            {
                _closeSent = true;
                TrySend(new ChannelCloseMessage(_remoteNumber));
            }
        }

        if (_closeReceived)
        {
            Unsubscribe();
        }
    }

    private void TrySend(Renci.SshNet.Messages.Message message)
    {
        try
        {
            SshClientInternals.Send(_session, message);
        }
        catch (Exception ex) when (ex is SshException or ObjectDisposedException or InvalidOperationException or IOException or System.Net.Sockets.SocketException)
        {
            // The connection is going away; its own events report why.
        }
    }

    private void SendData(byte[] data)
    {
        lock (_send)
        {
            if (_broken is { } broken)
            {
                throw new IOException($"Writing to {_socketPath} failed: {broken.Message}", broken);
            }

            if (_closeSent || _closeReceived || _eofSent)
            {
                throw new IOException($"Writing to {_socketPath} failed: the channel is closed for writing");
            }

            try
            {
                SshClientInternals.Send(_session, new ChannelDataMessage(_remoteNumber, data, 0, data.Length));
            }
            catch (Exception ex) when (ex is SshException or ObjectDisposedException or InvalidOperationException or System.Net.Sockets.SocketException)
            {
                throw new IOException($"Writing to {_socketPath} failed: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Waits for window space and takes up to <paramref name="wanted"/> bytes (at most one packet) of it.</summary>
    private async Task<int> ReserveWindowAsync(int wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_window)
            {
                if (_broken is { } broken)
                {
                    throw new IOException($"Writing to {_socketPath} failed: {broken.Message}", broken);
                }

                if (_remoteWindow > 0)
                {
                    var count = (int)Math.Min(Math.Min(wanted, _remoteWindow), _remotePacketSize);
                    _remoteWindow -= count;
                    return count;
                }

                _windowWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _windowWaiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives the server back the window the reader has used, half a window at a time.</summary>
    private void Consumed(int count)
    {
        _consumed += count;
        if (_consumed < LocalWindowSize / 2)
        {
            return;
        }

        var add = (uint)_consumed;
        _consumed = 0;
        lock (_send)
        {
            if (_open && !_closeSent && !_closeReceived && _broken is null)
            {
                TrySend(new ChannelWindowAdjustMessage(_remoteNumber, add));
            }
        }
    }

    private void OnOpenConfirmation(object? sender, MessageEventArgs<ChannelOpenConfirmationMessage> e)
    {
        if (e.Message.LocalChannelNumber != _localNumber)
        {
            return;
        }

        lock (_window)
        {
            _remoteWindow = e.Message.InitialWindowSize;
            _remotePacketSize = Math.Max(1u, e.Message.MaximumPacketSize);
        }

        lock (_send)
        {
            _remoteNumber = e.Message.RemoteChannelNumber;
            _open = true;
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            // Given up on before the answer came: close it (off the session's message thread, which sending may wait for).
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.SendClose(), this, preferLocal: false);
            return;
        }

        _opened.TrySetResult();
    }

    private void OnOpenFailure(object? sender, MessageEventArgs<ChannelOpenFailureMessage> e)
    {
        if (e.Message.LocalChannelNumber != _localNumber)
        {
            return;
        }

        var reason = e.Message.ReasonCode switch
        {
            1 => "administratively prohibited",
            2 => "connect failed",
            3 => "unknown channel type",
            4 => "resource shortage",
            var other => "reason " + other.ToString(CultureInfo.InvariantCulture),
        };
        var detail = string.IsNullOrWhiteSpace(e.Message.Description) ? reason : $"{reason}: {e.Message.Description}";
        _opened.TrySetException(new ChannelOpenRefusedException(e.Message.ReasonCode, $"sshd would not open {_socketPath} ({detail})"));
        Unsubscribe();
    }

    private void OnWindowAdjust(object? sender, MessageEventArgs<ChannelWindowAdjustMessage> e)
    {
        if (e.Message.LocalChannelNumber != _localNumber)
        {
            return;
        }

        TaskCompletionSource? waiter;
        lock (_window)
        {
            _remoteWindow += e.Message.BytesToAdd;
            waiter = _windowWaiter;
            _windowWaiter = null;
        }

        waiter?.TrySetResult();
    }

    private void OnData(object? sender, MessageEventArgs<ChannelDataMessage> e)
    {
        var message = e.Message;
        if (message.LocalChannelNumber != _localNumber || message.Size == 0)
        {
            return;
        }

        var data = message.Offset == 0 && message.Size == message.Data.Length ? message.Data : message.Data.AsSpan(message.Offset, message.Size).ToArray();
        _chunks.Add(data);
    }

    private void OnEof(object? sender, MessageEventArgs<ChannelEofMessage> e)
    {
        if (e.Message.LocalChannelNumber == _localNumber)
        {
            _chunks.Complete();
        }
    }

    private void OnClose(object? sender, MessageEventArgs<ChannelCloseMessage> e)
    {
        if (e.Message.LocalChannelNumber != _localNumber)
        {
            return;
        }

        _closeReceived = true;
        _chunks.Complete();
        Fail(new IOException($"{_socketPath}: the channel was closed"));

        // Answer with our CLOSE off the session's message thread.
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.SendClose(), this, preferLocal: false);
    }

    private void OnDisconnected(object? sender, EventArgs e) =>
        Lost(new SshConnectionException("The SSH connection was closed."));

    private void OnError(object? sender, ExceptionEventArgs e) =>
        Lost(e.Exception as SshConnectionException ?? new SshConnectionException(e.Exception.Message, e.Exception));

    private void Lost(SshConnectionException exception)
    {
        var failure = new IOException($"The SSH connection was lost while {_socketPath} was open: {exception.Message}", exception);
        _opened.TrySetException(exception);
        Fail(failure);
        _chunks.Complete(failure);
        Unsubscribe();
    }

    /// <summary>Fails writers waiting for window space; later writes fail with <paramref name="failure"/>.</summary>
    private void Fail(Exception failure)
    {
        TaskCompletionSource? waiter;
        lock (_window)
        {
            _broken ??= failure;
            waiter = _windowWaiter;
            _windowWaiter = null;
        }

        waiter?.TrySetResult();
    }

    private void Unsubscribe()
    {
        if (Interlocked.Exchange(ref _unsubscribed, 1) != 0)
        {
            return;
        }

        _session.ChannelOpenConfirmationReceived -= OnOpenConfirmation;
        _session.ChannelOpenFailureReceived -= OnOpenFailure;
        _session.ChannelWindowAdjustReceived -= OnWindowAdjust;
        _session.ChannelDataReceived -= OnData;
        _session.ChannelEofReceived -= OnEof;
        _session.ChannelCloseReceived -= OnClose;
        _session.Disconnected -= OnDisconnected;
        _session.ErrorOccured -= OnError;
    }
}
