using Kolla.TestKit;

namespace Kolla.Tests.Rig;

/// <summary>
/// One network-namespace host with its own sshd and a private Podman API service started inside the namespace
/// (<c>start-netns-hosts.sh --podman</c>: own storage, no Docker engine), the test image built on it.
/// <see cref="DockerEngineFixture.DockerHost"/> is that service's socket, which the test process reaches too (the
/// namespace shares the file system), so the probes read the host's containers directly.
/// </summary>
public sealed class PodmanSshHostFixture() : DockerEngineFixture(PodmanEngineFixture.HostVariable, "start-podman.sh", "Podman")
{
    private NamespaceHosts? _hosts;

    /// <summary>The host set (one host, <c>h1</c>).</summary>
    public NamespaceHosts Hosts => _hosts ?? throw TestRig.Unavailable("The Podman namespace host was not started.");

    /// <summary>The host.</summary>
    public NamespaceHost Host => Hosts.Hosts[0];

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_hosts is not null)
        {
            await _hosts.DisposeAsync();
        }
    }

    /// <inheritdoc/>
    protected override async Task<string> StartEngineAsync(CancellationToken cancellationToken)
    {
        _hosts = await NamespaceHosts.CreateAsync(1, withPodman: true, cancellationToken: cancellationToken);
        return Host.DockerHost!;
    }
}
