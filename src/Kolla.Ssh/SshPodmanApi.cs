using Kolla.Docker;
using Kolla.Hosts;
using Kolla.Inventory;
using Microsoft.Extensions.Logging;
using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>
/// A Podman host's API over SSH (<c>kolla_container_engine: podman</c>): what <c>podman system dial-stdio</c> connects to,
/// and raw HTTP to Podman's own <c>/libpod</c> API beside the Docker-compatible client.
/// </summary>
/// <remarks>
/// The endpoint is the host's <c>kolla_docker_host</c> when set (as for local Podman hosts), else podman's own default on
/// the target (<c>CONTAINER_HOST</c>, else <c>unix:///run/podman/podman.sock</c> for root), the socket that
/// <c>podman.socket</c> serves.
/// </remarks>
internal sealed class SshPodmanApi(SshClient client, SshDockerTransportOptions options, ILogger logger)
{
    /// <summary>A new handler whose connections are <c>podman system dial-stdio</c> processes of the host's SSH connection.</summary>
    public HttpMessageHandler CreateHandler() => new SshDockerHandlerFactory(client, options).CreateMessageHandler(logger);

    /// <summary>Whether the host's <c>kolla_container_engine</c> is <c>podman</c>.</summary>
    public static bool IsPodman(HostTarget target) =>
        target.Variables?.TryGetValue(DockerHostConnector.ContainerEngineVariable, out var engine) == true
        && string.Equals(engine?.ToString(), "podman", StringComparison.Ordinal);

    /// <summary>The host's <c>kolla_docker_host</c>, or null for podman's default on the target.</summary>
    /// <exception cref="HostUnreachableException">The variable is not an absolute URI.</exception>
    public static string? EngineHost(HostTarget target)
    {
        if (target.Variables?.TryGetValue(DockerHostConnector.DockerHostVariable, out var value) != true || value?.ToString() is not { Length: > 0 } text)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out _)
            ? text
            : throw new HostUnreachableException(target.Name, $"{DockerHostConnector.DockerHostVariable} '{text}' is not an absolute URI such as unix:///run/podman/podman.sock");
    }
}
