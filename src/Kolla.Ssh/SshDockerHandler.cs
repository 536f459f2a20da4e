using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Client;

namespace Kolla.Ssh;

/// <summary>The HTTP handler of a Docker client tunnelled through <c>docker system dial-stdio</c>.</summary>
/// <remarks>
/// Ordinary requests go through a pooled <see cref="SocketsHttpHandler"/> whose connections are dial-stdio streams, so
/// keep-alive reuses one remote process for many requests. Requests that upgrade the connection (exec/attach, marked
/// by Docker.DotNet with an <c>Upgrade</c> header) go through Docker.DotNet's <see cref="ManagedHandler"/> on a fresh
/// stream, because their raw stream must be handed over whole (hijacked) and half-closed.
/// </remarks>
internal sealed class SshDockerHandler : HttpMessageHandler
{
    private readonly HttpMessageInvoker _pooled;
    private readonly HttpMessageInvoker _upgrade;

    public SshDockerHandler(Func<CancellationToken, Task<Stream>> openStream, SshDockerTransportOptions options, ILogger logger)
    {
        var pooled = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) => await openStream(cancellationToken).ConfigureAwait(false),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = options.MaxConnections,
            PooledConnectionIdleTimeout = options.IdleTimeout,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var upgrade = new ManagedHandler((_, _, cancellationToken) => openStream(cancellationToken), logger)
        {
            UseProxy = false,
            RedirectMode = RedirectMode.None,
        };
        _pooled = new HttpMessageInvoker(pooled, disposeHandler: true);
        _upgrade = new HttpMessageInvoker(upgrade, disposeHandler: true);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Headers.Contains("Upgrade")
            ? _upgrade.SendAsync(request, cancellationToken)
            : _pooled.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pooled.Dispose();
            _upgrade.Dispose();
        }

        base.Dispose(disposing);
    }
}
