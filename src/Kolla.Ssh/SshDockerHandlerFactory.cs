using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Client;
using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>Docker.DotNet transport plug-in: HTTP over the streams <see cref="SshDockerStreams"/> opens on an SSH connection.</summary>
/// <remarks>Given the streams of a host connection (built from the same options), every handler shares them, and so the
/// connection's read-ahead and what was learnt about the socket channel; otherwise each handler gets its own.</remarks>
internal sealed class SshDockerHandlerFactory(SshClient client, SshDockerTransportOptions defaults, SshDockerStreams? streams = null)
    : IDockerHandlerFactory<SshDockerTransportOptions>
{
    /// <summary>The endpoint Docker.DotNet builds request URIs from; the host part only names the connection pool.</summary>
    public static Uri Endpoint { get; } = new("http://docker.ssh");

    public ResolvedTransport CreateHandler(ResolvedClientOptions clientOptions, ILogger logger) =>
        CreateHandler(defaults, clientOptions, logger);

    public ResolvedTransport CreateHandler(SshDockerTransportOptions transportOptions, ResolvedClientOptions clientOptions, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(transportOptions);
        var opener = streams ?? new SshDockerStreams(client, transportOptions, readAhead: null, logger);
        var handler = new SshDockerHandler(opener.OpenAsync, transportOptions, logger);
        return new ResolvedTransport(handler, Endpoint);
    }

    public Task<WriteClosableStream> HijackStreamAsync(HttpContent content) =>
        content is HttpConnectionResponseContent hijackable
            ? Task.FromResult(hijackable.HijackStream())
            : throw new NotSupportedException("Only upgraded (exec/attach) responses can be hijacked.");
}
