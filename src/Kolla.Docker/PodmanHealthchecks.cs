using System.Net.Sockets;

namespace Kolla.Docker;

/// <summary>
/// Runs a container's health check through Podman's own API (<c>GET /libpod/containers/NAME/healthcheck</c>, which runs it).
/// </summary>
/// <remarks>
/// Podman schedules health checks with systemd timers (kolla-ansible's podman hosts run systemd); the API service on a
/// host without systemd never runs them, and a container stays <c>starting</c>. So while a container's health is
/// <c>starting</c>, each inspection through <see cref="DockerContainerRuntime"/> runs the check once first.
/// </remarks>
internal sealed class PodmanHealthchecks : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Connects to the API service at <paramref name="endpoint"/> (<c>unix://</c> socket or <c>tcp://</c>).</summary>
    public PodmanHealthchecks(Uri endpoint) => _http = Create(endpoint);

    /// <summary>Sends through <paramref name="handler"/> (e.g. a tunnel to the API service), which this disposes.</summary>
    public PodmanHealthchecks(HttpMessageHandler handler) => _http = new HttpClient(handler) { BaseAddress = new Uri("http://podman") };

    public async Task RunAsync(string container, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri($"/v4.0.0/libpod/containers/{Uri.EscapeDataString(container)}/healthcheck", UriKind.Relative), cancellationToken).ConfigureAwait(false);

        // 409 (container not running) or 404 (gone): the following inspection says so.
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient Create(Uri endpoint)
    {
        if (!string.Equals(endpoint.Scheme, "unix", StringComparison.Ordinal))
        {
            return new HttpClient { BaseAddress = new Uri($"http://{endpoint.Authority}") };
        }

        var path = endpoint.LocalPath;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://podman") };
    }
}
