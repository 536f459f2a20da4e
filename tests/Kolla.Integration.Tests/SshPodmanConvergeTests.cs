using Kolla.Hosts;
using Kolla.Ssh;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// The converge tests of <see cref="DockerConvergeTests"/> over SSH on a Podman host (<c>kolla_container_engine:
/// podman</c>): a network-namespace host with its own sshd and <c>podman system service</c> and no Docker, reached through
/// <c>podman system dial-stdio</c> with <c>kolla_docker_host</c> naming the API socket.
/// </summary>
public sealed class SshPodmanConvergeTests(PodmanSshHostFixture host) : DockerConvergeTests(host), IClassFixture<PodmanSshHostFixture>
{
    protected override string ContainerEngine => "podman";

    protected override string NodeVariables(string dockerHost) =>
        $"ansible_host={host.Host.Address} ansible_user=root kolla_docker_host={dockerHost}";

    protected override IHostConnector CreateConnector() =>
        SshHostConnector.Create(new SshExecutorOptions { PrivateKeyFile = host.Hosts.ClientKeyPath, KnownHostsFile = host.Hosts.KnownHostsPath });

    [Fact]
    public async Task Connect_NoApiSocketAtPodmansDefault_FailsNamingTheHostAndPodmanSocket()
    {
        var deployment = NewDeployment(host.DockerHost, ("node1", $"ansible_host={host.Host.Address} ansible_user=root"));

        var result = await ConvergeAsync(deployment);

        result.Succeeded.Should().BeFalse();
        result.Hosts.Single().Error.Should().StartWith($"node1: the Podman API service is not reachable through 'podman system dial-stdio' on {host.Host.Address}: ")
            .And.Contain("/run/podman/podman.sock", "podman's own default socket for root, which this host does not serve")
            .And.Contain("systemctl enable --now podman.socket");
        (await ContainersAsync(deployment)).Should().BeEmpty();
    }
}
