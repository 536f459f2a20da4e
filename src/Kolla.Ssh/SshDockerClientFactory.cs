using Docker.DotNet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>Builds a Docker.DotNet <see cref="DockerClient"/> that reaches a target's engine through an SSH connection.</summary>
/// <remarks>
/// Docker.DotNet refuses <c>ssh://</c> endpoints; this plugs an SSH transport into its <c>DockerClientBuilder</c>
/// (<c>WithTransportOptions</c> with a custom <c>IDockerHandlerFactory</c>). When the endpoint is a unix socket given in
/// <see cref="SshDockerTransportOptions.DockerHost"/>, each API connection is an SSH channel that sshd connects to that socket
/// itself (OpenSSH's <c>direct-streamlocal@openssh.com</c>: nothing runs on the target). Otherwise, or when sshd refuses
/// that channel, each API connection runs <c>docker system dial-stdio</c> on the target in an exec channel — the docker
/// CLI's own method for <c>ssh://</c> hosts — and speaks HTTP over its stdin/stdout; the docker CLI must then be installed
/// on the target, and is used as a byte pipe only. Exec and attach streams (hijacked connections) are supported either way.
/// The returned client does not own the SSH client: dispose the Docker client first, then the SSH client.
/// </remarks>
/// <example>
/// <code>
/// using var ssh = new SshClient(connectionInfo);
/// await ssh.ConnectAsync(cancellationToken);
/// using DockerClient docker = SshDockerClientFactory.Create(ssh, new SshDockerTransportOptions { DockerHost = "unix:///var/run/docker.sock" });
/// await docker.System.PingAsync(cancellationToken);
/// </code>
/// </example>
internal static class SshDockerClientFactory
{
    /// <summary>Creates the Docker client.</summary>
    /// <param name="client">A connected SSH client to the target.</param>
    /// <param name="options">Endpoint, sudo and pooling settings; defaults when null.</param>
    /// <param name="logger">Logger for the transport, or none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public static DockerClient Create(SshClient client, SshDockerTransportOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        options ??= new SshDockerTransportOptions();
        return Create(client, options, logger, new SshDockerStreams(client, options, readAhead: null, logger ?? NullLogger.Instance));
    }

    internal static DockerClient Create(SshClient client, SshDockerTransportOptions options, ILogger? logger, SshDockerStreams streams) =>
        new DockerClientBuilder()
            .WithEndpoint(SshDockerHandlerFactory.Endpoint)
            .WithApiVersion(options.ApiVersion)
            .WithTimeout(options.RequestTimeout)
            .WithLogger(logger ?? NullLogger.Instance)
            .WithTransportOptions(new SshDockerHandlerFactory(client, options, streams), options)
            .Build();
}
