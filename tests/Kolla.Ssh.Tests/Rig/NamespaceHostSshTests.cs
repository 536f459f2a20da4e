using Kolla.TestKit;
using Renci.SshNet.Common;

namespace Kolla.Tests.Rig;

/// <summary>Proves the multi-host rig: SSH into network-namespace hosts across the private bridge.</summary>
public sealed class NamespaceHostSshTests(TwoDockerHostsFixture fixture) : IClassFixture<TwoDockerHostsFixture>
{
    private static CancellationTokenSource Timeout()
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMinutes(2));
        return cts;
    }

    [Fact]
    public async Task Ssh_NamespaceHost_RunsCommandInsideItsNetworkNamespace()
    {
        using var cts = Timeout();
        var hosts = fixture.Hosts;
        var h1 = hosts["h1"];
        var h2 = hosts["h2"];

        using var client = await VerifiedSsh.ConnectAsync(h1.Address, h1.SshPort, hosts.User, hosts.ClientKeyPath, h1.HostKey, cts.Token);
        var addr = await client.RunAsync("id -un; ip -o -4 addr show", cts.Token);
        var reach = await client.RunAsync($"exec 3<>/dev/tcp/{h2.Address}/22 && head -c 8 <&3", cts.Token);

        addr.ExitStatus.Should().Be(0, addr.Error);
        addr.Output.Should().StartWith("root\n");
        addr.Output.Should().Contain($"eth0    inet {h1.Address}/24");
        addr.Output.Should().NotContain(h2.Address).And.NotContain($"inet {hosts.GatewayAddress}/");
        reach.ExitStatus.Should().Be(0, reach.Error);
        reach.Output.Should().StartWith("SSH-2.0-");
    }

    [Fact]
    public async Task Ssh_NamespaceHostWithDocker_SessionUsesThatHostsEngine()
    {
        using var cts = Timeout();
        var hosts = fixture.Hosts;
        var h2 = hosts["h2"];

        using var client = await VerifiedSsh.ConnectAsync(h2.Address, h2.SshPort, hosts.User, hosts.ClientKeyPath, h2.HostKey, cts.Token);
        var env = await client.RunAsync("echo \"$DOCKER_HOST\"", cts.Token);
        var run = await client.RunAsync(
            $"docker run --rm --net host --label kolla.test.run={hosts.RunId} {TestImages.For("rabbitmq")} ip -o -4 addr show eth0", cts.Token);

        env.Output.Trim().Should().Be(h2.DockerHost);
        run.ExitStatus.Should().Be(0, run.Error);
        run.Output.Should().Contain($"inet {h2.Address}/24");
    }

    [Fact]
    public async Task Ssh_WrongHostKey_IsRejected()
    {
        using var cts = Timeout();
        var hosts = fixture.Hosts;
        var h1 = hosts["h1"];
        var h2 = hosts["h2"];

        var connect = () => VerifiedSsh.ConnectAsync(h1.Address, h1.SshPort, hosts.User, hosts.ClientKeyPath, h2.HostKey, cts.Token);

        h1.HostKey.Should().NotBe(h2.HostKey);
        await connect.Should().ThrowAsync<SshConnectionException>();
    }
}
