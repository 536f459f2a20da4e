using Microsoft.Extensions.Logging;
using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>
/// Opens the Docker API connections of one SSH connection: a <c>direct-streamlocal@openssh.com</c> channel to the engine's
/// unix socket when the endpoint is known and sshd opens it (no remote process at all), else
/// <c>docker system dial-stdio</c> in an exec channel, the docker CLI's own method for <c>ssh://</c> hosts.
/// </summary>
/// <remarks>
/// The endpoint is <see cref="SshDockerTransportOptions.DockerHost"/> when given, else what the connection's
/// <see cref="LoginReadAhead"/> reports the target's docker CLI would use; without either (or when it is not a unix socket)
/// every connection dials. sshd refuses the channel when <c>AllowStreamLocalForwarding</c> is off, when the login user
/// may not open the socket (a become user outside the docker group), or when it is not OpenSSH: then this and every later
/// connection dial, the first one by turning the read-ahead command into dial-stdio so that it costs no other login.
/// </remarks>
internal sealed class SshDockerStreams(SshClient client, SshDockerTransportOptions options, LoginReadAhead? readAhead, ILogger logger)
{
    private const int Untried = 0, Works = 1, Refused = -1;

    private readonly string _dialCommand = BuildDialCommand(options);
    private int _socketChannel = options.UseSocketChannel ? Untried : Refused;
    private string? _socketPath;

    /// <summary>How Docker is reached, for messages: the socket channel once it has worked, else dial-stdio.</summary>
    public string Route => Volatile.Read(ref _socketChannel) == Works
        ? $"sshd's channel to {_socketPath}"
        : "'docker system dial-stdio'";

    /// <summary>The remote command line: <c>docker system dial-stdio</c>, with the endpoint and sudo as configured.</summary>
    public static string BuildDialCommand(SshDockerTransportOptions options)
    {
        var endpoint = options.DockerHost is { } host ? "DOCKER_HOST=" + ShellQuote.Quote(host) + " " : string.Empty;
        if (!options.UseSudo)
        {
            return endpoint.Length == 0
                ? "exec docker system dial-stdio"
                : "exec env " + endpoint + "docker system dial-stdio";
        }

        // sudo resets the environment: pass the login user's DOCKER_HOST (expanded by its shell) unless one is given.
        endpoint = endpoint.Length == 0 ? "${DOCKER_HOST:+DOCKER_HOST=\"$DOCKER_HOST\"} " : endpoint;
        return "exec " + Become.SudoPrefix(options.SudoUser) + "env " + endpoint + "docker system dial-stdio";
    }

    /// <summary>The socket path of a <c>unix://</c> endpoint with an absolute path; null for any other endpoint.</summary>
    public static string? SocketPathOf(string? endpoint) =>
        endpoint is not null && endpoint.StartsWith("unix:///", StringComparison.Ordinal) && endpoint.Length > "unix://".Length + 1
            ? endpoint["unix://".Length..]
            : null;

    /// <summary>Opens one connection to the engine's API.</summary>
    public async Task<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _socketChannel) != Refused && await SocketPathAsync(cancellationToken).ConfigureAwait(false) is { } path)
        {
            try
            {
                var stream = await StreamLocalStream.OpenAsync(client, path, client.ConnectionInfo.Timeout, cancellationToken).ConfigureAwait(false);
                if (Interlocked.Exchange(ref _socketChannel, Works) != Works)
                {
                    _socketPath = path;
                    readAhead?.Release();
                    logger.SocketChannelOpened(client.ConnectionInfo.Host, path);
                }

                return stream;
            }
            catch (Exception ex) when (ex is ChannelOpenRefusedException or MissingMemberException)
            {
                if (Interlocked.CompareExchange(ref _socketChannel, Refused, Untried) == Untried)
                {
                    logger.SocketChannelRefused(client.ConnectionInfo.Host, ex.Message);
                }
            }
        }

        if (readAhead is not null && await readAhead.TakeForDialAsync().ConfigureAwait(false) is { } first)
        {
            logger.DialStdioStarted(client.ConnectionInfo.Host, _dialCommand);
            return first;
        }

        // Opening a channel waits for the server synchronously in SSH.NET; keep that off the caller's thread.
        var dialled = await Task.Run(() => SshExecStream.Start(client, _dialCommand), cancellationToken).ConfigureAwait(false);
        logger.DialStdioStarted(client.ConnectionInfo.Host, _dialCommand);
        return dialled;
    }

    private async Task<string?> SocketPathAsync(CancellationToken cancellationToken)
    {
        if (options.DockerHost is { } given)
        {
            return SocketPathOf(given);
        }

        return readAhead is null ? null : SocketPathOf(await readAhead.EndpointAsync(options.RequestTimeout, cancellationToken).ConfigureAwait(false));
    }
}
