using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Client;
using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>Docker.DotNet transport plug-in: HTTP over <c>docker system dial-stdio</c> in exec channels of an SSH connection.</summary>
/// <remarks>With a <see cref="TreeReadAhead"/>, the first connection also carries that directory read.</remarks>
internal sealed class SshDockerHandlerFactory(SshClient client, SshDockerTransportOptions defaults, TreeReadAhead? readAhead = null)
    : IDockerHandlerFactory<SshDockerTransportOptions>
{
    /// <summary>The endpoint Docker.DotNet builds request URIs from; the host part only names the connection pool.</summary>
    public static Uri Endpoint { get; } = new("http://docker.ssh");

    public ResolvedTransport CreateHandler(ResolvedClientOptions clientOptions, ILogger logger) =>
        CreateHandler(defaults, clientOptions, logger);

    public ResolvedTransport CreateHandler(SshDockerTransportOptions transportOptions, ResolvedClientOptions clientOptions, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(transportOptions);
        var commandText = BuildDialCommand(transportOptions);
        var passwordLine = transportOptions is { UseSudo: true, SudoPassword: { } password } ? new Become(true) { Password = password }.PasswordLine : null;
        var handler = new SshDockerHandler(
            cancellationToken => OpenAsync(commandText, passwordLine, logger, cancellationToken),
            transportOptions,
            logger);
        return new ResolvedTransport(handler, Endpoint);
    }

    public Task<WriteClosableStream> HijackStreamAsync(HttpContent content) =>
        content is HttpConnectionResponseContent hijackable
            ? Task.FromResult(hijackable.HijackStream())
            : throw new NotSupportedException("Only upgraded (exec/attach) responses can be hijacked.");

    /// <summary>The remote command line: <c>docker system dial-stdio</c>, with the endpoint and sudo as configured.</summary>
    internal static string BuildDialCommand(SshDockerTransportOptions options)
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
        return "exec " + Become.SudoPrefix(options.SudoUser, options.SudoPassword is not null) + "env " + endpoint + "docker system dial-stdio";
    }

    private async Task<Stream> OpenAsync(string commandText, byte[]? passwordLine, ILogger logger, CancellationToken cancellationToken)
    {
        // sudo reading a password takes the first line of the input: no read-ahead script may run ahead of it.
        var combined = passwordLine is null ? readAhead?.TryAttach(commandText) : null;
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
}
