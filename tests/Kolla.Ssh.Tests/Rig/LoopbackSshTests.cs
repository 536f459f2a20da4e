using Kolla.TestKit;

namespace Kolla.Tests.Rig;

/// <summary>Proves the loopback sshd: key login as root, host key checked, sessions see the private engine.</summary>
public sealed class LoopbackSshTests(SshServerFixture server, DockerEngineFixture engine) : IClassFixture<SshServerFixture>
{
    [Fact]
    public async Task Ssh_Loopback_RunsCommandWithPrivateDockerHost()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMinutes(2));

        using var client = await VerifiedSsh.ConnectAsync(server.Host, server.Port, server.User, server.ClientKeyPath, server.HostKey, cts.Token);
        var who = await client.RunAsync("id -u; echo \"$DOCKER_HOST\"", cts.Token);
        var version = await client.RunAsync("docker version --format '{{.Server.Version}}'", cts.Token);
        var failing = await client.RunAsync("echo to-stderr >&2; exit 3", cts.Token);

        server.Host.Should().Be("127.0.0.1");
        who.Output.Should().Be($"0\n{engine.DockerHost}\n");
        version.ExitStatus.Should().Be(0, version.Error);
        version.Output.Trim().Should().NotBeEmpty();
        failing.ExitStatus.Should().Be(3);
        failing.Error.Should().Be("to-stderr\n");
    }

    [Fact]
    public async Task HostKey_Fingerprint_MatchesSshKeygen()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMinutes(1));
        var pubFile = Path.Combine(server.Server.Directory, "host_key.pub");

        var keygen = await ExternalCommand.RunAsync("ssh-keygen", ["-l", "-E", "sha256", "-f", pubFile], cancellationToken: cts.Token);

        keygen.EnsureSuccess().StandardOutput.Split(' ')[1].Should().Be($"SHA256:{server.HostKey.FingerprintSha256}");
        server.KnownHostsLine.Should().Be($"[127.0.0.1]:{server.Port} {server.HostPublicKey}");
        File.ReadAllText(server.Server.KnownHostsPath).Trim().Should().Be(server.KnownHostsLine);
    }
}
