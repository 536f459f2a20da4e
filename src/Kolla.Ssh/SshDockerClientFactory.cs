using Docker.DotNet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>Builds a Docker.DotNet <see cref="DockerClient"/> that reaches a target's engine through an SSH connection.</summary>
/// <remarks>
/// Docker.DotNet refuses <c>ssh://</c> endpoints; this plugs an SSH transport into its <c>DockerClientBuilder</c>
/// (<c>WithTransportOptions</c> with a custom <c>IDockerHandlerFactory</c>). Each API connection runs
/// <c>docker system dial-stdio</c> on the target in an exec channel of the given SSH client — the docker CLI's own
/// method for <c>ssh://</c> hosts — and speaks HTTP over its stdin/stdout (the docker CLI is used as a byte pipe only),
/// except when the endpoint is a <c>unix://</c> socket: then sshd connects to it itself
/// (<c>direct-streamlocal@openssh.com</c>), and dial-stdio is the fallback when sshd refuses. Exec and attach streams (hijacked connections) are supported.
/// The returned client does not own the SSH client: dispose the Docker client first, then the SSH client.
/// </remarks>
/// <example>
/// <code>
/// using var ssh = new SshClient(connectionInfo);
/// await ssh.ConnectAsync(cancellationToken);
/// using DockerClient docker = SshDockerClientFactory.Create(ssh);
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
    public static DockerClient Create(SshClient client, SshDockerTransportOptions? options = null, ILogger? logger = null) =>
        Create(client, options ?? new SshDockerTransportOptions(), logger, transport: null);

    /// <summary>Creates the Docker client over <paramref name="transport"/> (one built for <paramref name="client"/> and <paramref name="options"/>), or a new one when null.</summary>
    internal static DockerClient Create(SshClient client, SshDockerTransportOptions options, ILogger? logger, SshDockerHandlerFactory? transport)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new DockerClientBuilder()
            .WithEndpoint(SshDockerHandlerFactory.Endpoint)
            .WithApiVersion(options.ApiVersion)
            .WithTimeout(options.RequestTimeout)
            .WithLogger(logger ?? NullLogger.Instance)
            .WithTransportOptions(transport ?? new SshDockerHandlerFactory(client, options), options)
            .Build();
    }
}
