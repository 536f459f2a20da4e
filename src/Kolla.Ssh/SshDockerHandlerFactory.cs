using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Client;
using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>Docker.DotNet transport plug-in: HTTP over <c>docker system dial-stdio</c> (or <c>podman system dial-stdio</c>) in exec channels of an SSH connection.</summary>
/// <remarks>
/// <para>With a way to build a <see cref="TreeReadAhead"/>, the first dial-stdio connection builds one and carries that
/// directory read (<see cref="ReadAhead"/>); connections through the socket channel carry none.</para>
/// <para>A Docker host whose endpoint is a known unix socket (<see cref="SshDockerTransportOptions.DockerHost"/>
/// <c>unix:///path</c>) is reached through sshd's own <c>direct-streamlocal@openssh.com</c> channel instead
/// (<see cref="StreamLocalStream"/>: no login shell, no docker CLI); when sshd refuses it (<c>AllowStreamLocalForwarding
/// no</c>, no access to the socket) every later connection of this factory dials instead, said once in the log.</para>
/// </remarks>
internal sealed class SshDockerHandlerFactory(SshClient client, SshDockerTransportOptions defaults, Func<TreeReadAhead>? newReadAhead = null)
    : IDockerHandlerFactory<SshDockerTransportOptions>
{
    private const int Untried = 0, Works = 1, Refused = 2;
    private readonly Lock _readAheadGate = new();
    private int _socketChannel;
    private TreeReadAhead? _readAhead;
    private bool _readAheadSettled;

    /// <summary>The directory read the first dial-stdio connection carries; null until one dialled, and for good when Docker goes through the socket channel.</summary>
    public TreeReadAhead? ReadAhead
    {
        get
        {
            lock (_readAheadGate)
            {
                return _readAhead;
            }
        }
    }

    /// <summary>The socket path sshd is asked to connect to for <paramref name="options"/>: a Docker (not Podman)
    /// <c>unix:///absolute/path</c> endpoint; null when connections dial.</summary>
    internal static string? SocketPathOf(SshDockerTransportOptions options) =>
        !options.Podman && options.DockerHost is { } endpoint && endpoint.StartsWith("unix:///", StringComparison.Ordinal) && endpoint.Length > "unix:///".Length
            ? endpoint["unix://".Length..]
            : null;

    /// <summary>Whether this factory's connections go (or will try to go) through the socket channel rather than dial-stdio.</summary>
    public bool UsesSocketChannel => SocketPathOf(defaults) is not null && Volatile.Read(ref _socketChannel) != Refused;

    /// <summary>How connections reach the engine, for messages: the channel to the socket, or the dial-stdio command.</summary>
    public string Route => UsesSocketChannel ? $"sshd's channel to {SocketPathOf(defaults)}" : $"'{BuildDialCommand(defaults)}'";

    /// <summary>The endpoint Docker.DotNet builds request URIs from; the host part only names the connection pool.</summary>
    public static Uri Endpoint { get; } = new("http://docker.ssh");

    /// <summary>
    /// For a read of the read-ahead's directory: the read-ahead a connection carried, or null; from then on no connection
    /// carries one, since the read went its own way.
    /// </summary>
    public TreeReadAhead? ClaimReadAhead()
    {
        lock (_readAheadGate)
        {
            _readAheadSettled = true;
            return _readAhead;
        }
    }

    public ResolvedTransport CreateHandler(ResolvedClientOptions clientOptions, ILogger logger) =>
        CreateHandler(defaults, clientOptions, logger);

    public ResolvedTransport CreateHandler(SshDockerTransportOptions transportOptions, ResolvedClientOptions clientOptions, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(transportOptions);
        var commandText = BuildDialCommand(transportOptions);
        var passwordLine = transportOptions is { UseSudo: true, SudoPassword: { } password } ? new Become(true) { Password = password }.PasswordLine : null;
        var handler = new SshDockerHandler(
            cancellationToken => OpenAsync(commandText, passwordLine, logger, attachReadAhead: true, cancellationToken),
            transportOptions,
            logger);
        return new ResolvedTransport(handler, Endpoint);
    }

    public Task<WriteClosableStream> HijackStreamAsync(HttpContent content) =>
        content is HttpConnectionResponseContent hijackable
            ? Task.FromResult(hijackable.HijackStream())
            : throw new NotSupportedException("Only upgraded (exec/attach) responses can be hijacked.");

    /// <summary>
    /// The remote command line: <c>docker system dial-stdio</c> (or <c>podman system dial-stdio</c>), with the endpoint
    /// (<c>DOCKER_HOST</c>, or <c>CONTAINER_HOST</c> for podman) and sudo as configured.
    /// </summary>
    internal static string BuildDialCommand(SshDockerTransportOptions options)
    {
        var (variable, dial) = options.Podman ? ("CONTAINER_HOST", "podman system dial-stdio") : ("DOCKER_HOST", "docker system dial-stdio");
        var endpoint = options.DockerHost is { } host ? variable + "=" + ShellQuote.Quote(host) + " " : string.Empty;
        if (!options.UseSudo)
        {
            return endpoint.Length == 0
                ? "exec " + dial
                : "exec env " + endpoint + dial;
        }

        // sudo resets the environment: pass the login user's endpoint variable (expanded by its shell) unless one is given.
        endpoint = endpoint.Length == 0 ? $"${{{variable}:+{variable}=\"${variable}\"}} " : endpoint;
        return "exec " + Become.SudoPrefix(options.SudoUser, options.SudoPassword is not null) + "env " + endpoint + dial;
    }

    /// <summary>
    /// A handler of its own over the same kind of dial-stdio connections (never carrying the read-ahead), for raw HTTP to
    /// the engine's API beside the Docker client (Podman's <c>/libpod</c> health check runs).
    /// </summary>
    internal HttpMessageHandler CreateMessageHandler(ILogger logger)
    {
        var commandText = BuildDialCommand(defaults);
        var passwordLine = defaults is { UseSudo: true, SudoPassword: { } password } ? new Become(true) { Password = password }.PasswordLine : null;
        return new SshDockerHandler(cancellationToken => OpenAsync(commandText, passwordLine, logger, attachReadAhead: false, cancellationToken), defaults, logger);
    }

    private async Task<Stream> OpenAsync(string commandText, byte[]? passwordLine, ILogger logger, bool attachReadAhead, CancellationToken cancellationToken)
    {
        if (SocketPathOf(defaults) is { } socket && Volatile.Read(ref _socketChannel) != Refused)
        {
            try
            {
                var opened = await StreamLocalStream.OpenAsync(client, socket, client.ConnectionInfo.Timeout, cancellationToken).ConfigureAwait(false);
                if (Interlocked.Exchange(ref _socketChannel, Works) != Works)
                {
                    logger.SocketChannelOpened(client.ConnectionInfo.Host, socket);
                }

                return opened;
            }
            catch (Exception ex) when (ex is ChannelOpenRefusedException or MissingMemberException)
            {
                if (Interlocked.Exchange(ref _socketChannel, Refused) != Refused)
                {
                    logger.SocketChannelRefused(client.ConnectionInfo.Host, ex.Message);
                }
            }
        }

        // sudo reading a password takes the first line of the input: no read-ahead script may run ahead of it.
        var readAhead = passwordLine is null && attachReadAhead ? BuildReadAhead() : null;
        var combined = readAhead?.TryAttach(commandText);
        SshExecStream stream;
        try
        {
            // Opening a channel waits for the server synchronously in SSH.NET; keep that off the caller's thread.
            stream = await Task.Run(() => SshExecStream.Start(client, combined ?? commandText, commandText), cancellationToken).ConfigureAwait(false);
        }
        catch when (combined is not null)
        {
            readAhead!.Abandon();
            throw;
        }

        if (combined is not null)
        {
            var reader = new Thread(() => readAhead!.ReadFrom(stream.Errors)) { IsBackground = true, Name = "kolla-ssh-tree-read-ahead" };
            reader.Start();
        }

        if (passwordLine is not null)
        {
            stream.Write(passwordLine);
        }

        logger.DialStdioStarted(client.ConnectionInfo.Host, commandText);
        return stream;
    }

    /// <summary>The read-ahead for the first dial-stdio connection to carry; null for later ones, or once a read claimed it.</summary>
    private TreeReadAhead? BuildReadAhead()
    {
        lock (_readAheadGate)
        {
            if (newReadAhead is null || _readAheadSettled)
            {
                return null;
            }

            _readAheadSettled = true;
            _readAhead = newReadAhead();
            return _readAhead;
        }
    }
}
