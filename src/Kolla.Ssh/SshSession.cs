using System.Net.Sockets;
using Kolla.Hosts;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Kolla.Ssh;

/// <summary>The live SSH connection(s) to one host: remote commands, SFTP, and the mapping of transport failures to
/// <see cref="HostUnreachableException"/>.</summary>
/// <remarks>
/// SSH.NET runs SFTP on a client of its own, so a host has one SSH connection for commands and Docker, plus a second one
/// for SFTP, opened on first use (file writes and reads without <c>become</c>; with become, files go through <c>sudo</c>
/// commands and SFTP is never opened). A run that changes no file opens no SFTP connection. Once either connection is
/// lost the session stays failed; the next <c>ConnectAsync</c> opens a new one.
/// </remarks>
internal sealed class SshSession : IDisposable
{
    private readonly ILogger _logger;
    private readonly Func<CancellationToken, Task<SftpClient>>? _connectSftp;
    private readonly SemaphoreSlim _sftpGate = new(1, 1);
    private SftpClient? _sftp;
    private string? _lostReason;
    private int _disposed;
    private volatile bool _sftpUnavailable;

    /// <param name="host">Inventory name.</param>
    /// <param name="ssh">The connected command client.</param>
    /// <param name="connectSftp">Opens and connects the SFTP client on first use; null when files go through commands.</param>
    /// <param name="become">sudo settings for commands.</param>
    /// <param name="commandTimeout">Limit for one remote command.</param>
    /// <param name="logger">Logger.</param>
    public SshSession(string host, SshClient ssh, Func<CancellationToken, Task<SftpClient>>? connectSftp, Become become, TimeSpan commandTimeout, ILogger logger)
    {
        Host = host;
        Ssh = ssh;
        _connectSftp = connectSftp;
        Become = become;
        CommandTimeout = commandTimeout;
        _logger = logger;
        ssh.ErrorOccurred += OnError;
    }

    /// <summary>Inventory name of the host.</summary>
    public string Host { get; }

    public SshClient Ssh { get; }

    /// <summary>Whether files go through SFTP (false with become: sudo commands instead; false once the server turned out to have no SFTP subsystem).</summary>
    public bool UsesSftp => _connectSftp is not null && !_sftpUnavailable;

    /// <summary>True once the SFTP connection has been opened.</summary>
    public bool SftpOpened => _sftp is not null;

    public Become Become { get; }

    /// <summary>The directory (normalized) the first dial-stdio Docker connection reads ahead, if the connector asked for one.</summary>
    public string? ReadAheadDirectory { get; init; }

    /// <summary>The directory read (and facts) the first dial-stdio Docker connection carried; null before, and when Docker needs no shell.</summary>
    public TreeReadAhead? ReadAhead => Docker?.ReadAhead;

    /// <summary>The Docker transport of this connection, if the connector set one up.</summary>
    public SshDockerHandlerFactory? Docker { get; init; }

    /// <summary>
    /// Whether a directory's file state is read over SFTP rather than in a shell: when Docker needs no shell (its socket
    /// channel is in use) and files go through SFTP, so the tree read would be the host's only login otherwise.
    /// </summary>
    public bool ReadsTreesOverSftp => UsesSftp && Docker?.UsesSocketChannel == true;

    public TimeSpan CommandTimeout { get; }

    /// <summary>False once a connection error was seen or either client disconnected.</summary>
    public bool IsAlive => _lostReason is null && Ssh.IsConnected && (_sftp is null || _sftp.IsConnected);

    /// <summary>The SFTP client, connected on first use.</summary>
    /// <exception cref="InvalidOperationException">This session sends files through commands (become).</exception>
    public async Task<SftpClient> GetSftpAsync(CancellationToken cancellationToken)
    {
        var connect = _connectSftp ?? throw new InvalidOperationException("SFTP is not used with become.");
        ThrowIfLost();
        if (_sftp is { } existing)
        {
            return existing;
        }

        await _sftpGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_sftp is null)
            {
                ObjectDisposedException.ThrowIf(_disposed != 0, this);
                var sftp = await connect(cancellationToken).ConfigureAwait(false);
                if (Volatile.Read(ref _disposed) != 0)
                {
                    // Closed while connecting (an SFTP connection opened ahead for a read that never came).
                    sftp.Dispose();
                    ObjectDisposedException.ThrowIf(true, this);
                }

                sftp.ErrorOccurred += OnError;
                _sftp = sftp;
            }

            return _sftp;
        }
        finally
        {
            _sftpGate.Release();
        }
    }

    /// <summary>
    /// Whether files go through SFTP, connecting it on first use. A server without an SFTP subsystem (an sshd configured
    /// without <c>Subsystem sftp</c>) switches this session to commands for good, as Ansible falls back from sftp.
    /// </summary>
    public async Task<bool> PrefersSftpAsync(CancellationToken cancellationToken)
    {
        if (!UsesSftp)
        {
            return false;
        }

        try
        {
            await GetSftpAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HostUnreachableException ex) when (ex.InnerException is SshException inner
            && inner.Message.Contains("Subsystem", StringComparison.OrdinalIgnoreCase))
        {
            _sftpUnavailable = true;
            _logger.SftpUnavailable(Host, inner.Message);
            return false;
        }
    }

    /// <summary>Opens the SFTP connection in the background, ahead of a read that will want it; failures are left to that read.</summary>
    public void OpenSftpAhead() =>
        _ = PrefersSftpAsync(CancellationToken.None).ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>Runs a POSIX shell script on the host (through sudo when become is on), optionally feeding stdin.</summary>
    public Task<ExecResult> RunAsync(string script, CancellationToken cancellationToken) =>
        RunAsync(script, stdin: null, cancellationToken);

    /// <summary>Runs a POSIX shell script on the host (through sudo when become is on), feeding <paramref name="stdin"/>.</summary>
    /// <param name="script">The script.</param>
    /// <param name="stdin">Its input, if any.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <param name="what">What the script does, for a lost connection's message (one line); null for the script's own start.</param>
    /// <param name="timeout">The longest the command may run; null for the session's command timeout.</param>
    public async Task<ExecResult> RunAsync(string script, ReadOnlyMemory<byte>? stdin, CancellationToken cancellationToken, string? what = null, TimeSpan? timeout = null)
    {
        var input = stdin is { IsEmpty: false } given ? given : (ReadOnlyMemory<byte>?)null;
        if (Become.ReadsPassword)
        {
            // sudo -S reads the password line first; the rest is the script's input.
            input = input is { } rest ? (ReadOnlyMemory<byte>)Become.PasswordLine.Concat(rest.ToArray()).ToArray() : Become.PasswordLine;
        }

        var commandText = input is null ? Become.Wrap(script) : DrainingInput(Become.Wrap(script));
        _logger.RunningCommand(Host, commandText);
        return await GuardAsync(what ?? Display(script), async () =>
        {
            using var command = Ssh.CreateCommand(commandText);
            command.CommandTimeout = timeout ?? CommandTimeout;
            var execution = command.ExecuteAsync(cancellationToken);
            if (input is { } bytes)
            {
                try
                {
                    using var stream = command.CreateInputStream();
                    stream.Write(bytes.Span);
                }
                catch (Exception ex) when (ex is SshException or ObjectDisposedException or InvalidOperationException && Ssh.IsConnected)
                {
                    // The command ended before reading all of its input; its exit status and stderr tell why.
                }
            }

            await execution.ConfigureAwait(false);
            using var output = new MemoryStream();
            await command.OutputStream.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            return new ExecResult(command.ExitStatus ?? -1, output.ToArray(), command.Error, command.ExitSignal);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="commandText"/> followed by a read of whatever stdin it left, so the remote end stays open until
    /// the client's EOF arrives even when the command fails early. SSH.NET checks that a channel is open before sending
    /// EOF but not under the lock it closes the channel with; when the server's CLOSE lands in between, the EOF follows
    /// the CLOSE reply and OpenSSH drops the whole connection ("ieof packet referred to nonexistent channel").
    /// </summary>
    internal static string DrainingInput(string commandText) => $"( {commandText}\n); s=$?; cat >/dev/null; exit $s";

    /// <summary>A script as an error message names it: its first line, at most 80 characters.</summary>
    internal static string Display(string script)
    {
        var line = script.AsSpan().TrimStart();
        line = line[..(line.IndexOf('\n') is >= 0 and var end ? end : line.Length)].TrimEnd();
        return line.Length <= 80 ? $"'{line}'" : $"'{line[..79]}…'";
    }

    /// <summary>Runs <paramref name="operation"/>; transport failures become <see cref="HostUnreachableException"/> naming the host.</summary>
    public async Task<T> GuardAsync<T>(string what, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        ThrowIfLost();
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not KollaException && TranslateFailure(ex, what) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Runs <paramref name="operation"/>; transport failures become <see cref="HostUnreachableException"/> naming the host.</summary>
    public Task GuardAsync(string what, Func<Task> operation, CancellationToken cancellationToken) =>
        GuardAsync(what, async () =>
        {
            await operation().ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>The exception to throw for <paramref name="exception"/> when it means the host is unreachable; null otherwise.</summary>
    public HostUnreachableException? TranslateFailure(Exception exception, string what)
    {
        if (FindInChain<SshOperationTimeoutException>(exception) is { } timeout)
        {
            return new HostUnreachableException(Host, $"no answer within {CommandTimeout.TotalSeconds:0.#} s ({what}): {timeout.Message}", exception);
        }

        var lost = FindInChain<SshConnectionException>(exception) is not null
            || FindInChain<SocketException>(exception) is not null
            || !IsAlive;
        if (!lost)
        {
            return null;
        }

        MarkLost(exception.GetBaseException().Message);
        return new HostUnreachableException(Host, $"the SSH connection was lost ({what}): {_lostReason}", exception);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Ssh.ErrorOccurred -= OnError;
        if (_sftp is { } sftp)
        {
            sftp.ErrorOccurred -= OnError;
            sftp.Dispose();
        }

        Ssh.Dispose();
        _sftpGate.Dispose();
    }

    private void ThrowIfLost()
    {
        if (_lostReason is not null)
        {
            throw new HostUnreachableException(Host, $"the SSH connection was lost earlier ({_lostReason}); connect again");
        }

        if (!Ssh.IsConnected || (_sftp is not null && !_sftp.IsConnected))
        {
            MarkLost("disconnected");
            throw new HostUnreachableException(Host, "the SSH connection is closed; connect again");
        }
    }

    private void OnError(object? sender, ExceptionEventArgs e) => MarkLost(e.Exception.Message);

    private void MarkLost(string reason)
    {
        if (Interlocked.CompareExchange(ref _lostReason, reason, null) is null)
        {
            _logger.ConnectionLost(Host, reason);
        }
    }

    private static T? FindInChain<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    if (FindInChain<T>(inner) is { } found)
                    {
                        return found;
                    }
                }
            }
        }

        return null;
    }
}
