using Kolla.Hosts;
using Kolla.Inventory;

namespace Kolla.Tests;

[Collection("ssh")]
[Trait("Category", "Integration")]
public sealed class SshConnectionTests(SshHostEnvironment env)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_KnownHostKey_Succeeds()
    {
        env.RequireAvailable();

        await using var connection = await env.ConnectAsync(Token);

        connection.Host.Should().Be("node-a");
        (await connection.Files.ReadTreeStateAsync(env.NewDirectory("empty"), Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Connect_UnknownHostKey_IsRefusedByDefault()
    {
        env.RequireAvailable();
        var knownHosts = env.WriteKnownHosts();

        var act = async () => await env.Connector(env.Options(knownHosts)).ConnectAsync(env.Target(), Token);

        var error = (await act.Should().ThrowAsync<HostUnreachableException>()).Which;
        error.Host.Should().Be("node-a");
        error.Message.Should().Contain("refusing").And.Contain("is not in " + knownHosts).And.Contain($"[127.0.0.1]:{env.Server.Port}");
    }

    [Fact]
    public async Task Connect_MissingKnownHostsFile_IsRefused()
    {
        env.RequireAvailable();
        var knownHosts = Path.Combine(env.NewDirectory("nokh"), "known_hosts");

        var act = async () => await env.Connector(env.Options(knownHosts)).ConnectAsync(env.Target(), Token);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain("does not exist");
    }

    [Fact]
    public async Task Connect_ChangedHostKey_IsRefusedNamingFileAndLine()
    {
        env.RequireAvailable();
        var otherKey = TestKeys.Ed25519();
        var knownHosts = env.WriteKnownHosts("# lab hosts", TestKeys.Line("unrelated", TestKeys.Ed25519()), TestKeys.Line($"[127.0.0.1]:{env.Server.Port}", otherKey));

        var act = async () => await env.Connector(env.Options(knownHosts)).ConnectAsync(env.Target(), Token);

        var error = (await act.Should().ThrowAsync<HostUnreachableException>()).Which;
        error.Message.Should().Contain("CHANGED").And.Contain($"{knownHosts}:3").And.Contain("node-a");
    }

    [Fact]
    public async Task Connect_ChangedHostKey_IsRefusedEvenWhenUnknownKeysAreAccepted()
    {
        env.RequireAvailable();
        var knownHosts = env.WriteKnownHosts(TestKeys.Line($"[127.0.0.1]:{env.Server.Port}", TestKeys.Ed25519()));
        var options = env.Options(knownHosts);
        options.AcceptUnknownHostKeys = true;

        var act = async () => await env.Connector(options).ConnectAsync(env.Target(), Token);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain("CHANGED");
    }

    [Fact]
    public async Task Connect_RevokedHostKey_IsRefused()
    {
        env.RequireAvailable();
        var knownHosts = env.WriteKnownHosts(env.Server.KnownHostsLine, "@revoked * " + env.Server.HostPublicKey);

        var act = async () => await env.Connector(env.Options(knownHosts)).ConnectAsync(env.Target(), Token);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain("@revoked").And.Contain($"{knownHosts}:2");
    }

    [Fact]
    public async Task Connect_HashedEntryFromSshKeygen_IsAccepted()
    {
        env.RequireAvailable();
        var knownHosts = env.WriteKnownHosts(env.Server.KnownHostsLine);
        await TestShell.RunAsync("ssh-keygen", "-q", "-H", "-f", knownHosts);
        (await File.ReadAllTextAsync(knownHosts, Token)).Should().StartWith("|1|").And.NotContain("127.0.0.1");

        await using var connection = await env.Connector(env.Options(knownHosts)).ConnectAsync(env.Target(), Token);

        connection.Host.Should().Be("node-a");
    }

    [Fact]
    public async Task Connect_AcceptUnknownWithAdd_AppendsKeyThatLaterConnectionsMatch()
    {
        env.RequireAvailable();
        var knownHosts = env.WriteKnownHosts("# existing");
        var options = env.Options(knownHosts);
        options.AcceptUnknownHostKeys = true;
        options.AddUnknownHostKeys = true;

        await (await env.Connector(options).ConnectAsync(env.Target(), Token)).DisposeAsync();

        var lines = await File.ReadAllLinesAsync(knownHosts, Token);
        lines.Should().Equal("# existing", env.Server.KnownHostsLine);
        var strict = env.Options(knownHosts);
        await (await env.Connector(strict).ConnectAsync(env.Target(), Token)).DisposeAsync();
    }

    [Fact]
    public async Task Connect_AcceptUnknownWithoutAdd_LeavesFileAlone()
    {
        env.RequireAvailable();
        var knownHosts = env.WriteKnownHosts();
        var options = env.Options(knownHosts);
        options.AcceptUnknownHostKeys = true;

        await (await env.Connector(options).ConnectAsync(env.Target(), Token)).DisposeAsync();

        (await File.ReadAllTextAsync(knownHosts, Token)).Should().BeEmpty();
    }

    [Fact]
    public async Task Connect_WrongClientKey_FailsAuthenticationNamingUser()
    {
        env.RequireAvailable();
        var keyDirectory = env.NewDirectory("wrongkey");
        var key = Path.Combine(keyDirectory, "id");
        await TestShell.RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key);
        var options = env.Options(env.WriteKnownHosts(env.Server.KnownHostsLine));
        options.PrivateKeyFile = key;

        var act = async () => await env.Connector(options).ConnectAsync(env.Target(), Token);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain("authentication as 'root'").And.Contain(key);
    }

    [Fact]
    public async Task Connect_NothingListening_FailsNamingEndpoint()
    {
        env.RequireAvailable();
        var port = FreePort();
        var options = env.Options(env.WriteKnownHosts());

        var act = async () => await env.Connector(options).ConnectAsync(new HostTarget("node-x", "127.0.0.1", port), Token);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain($"127.0.0.1:{port}").And.Contain("node-x");
    }

    [Fact]
    public async Task Connect_DockerNotReachable_FailsWithTargetsError()
    {
        env.RequireAvailable();

        var act = async () => await env.ConnectAsync(Token, o => o.DockerHost = "unix:///nonexistent/kt-docker.sock");

        var error = (await act.Should().ThrowAsync<HostUnreachableException>()).Which;
        error.Message.Should().Contain("dial-stdio").And.Contain("/nonexistent/kt-docker.sock");
    }

    [Fact]
    public async Task Connect_WithoutDockerCheck_SucceedsEvenWhenDockerIsUnreachable()
    {
        env.RequireAvailable();

        await using var connection = await env.ConnectAsync(Token, o =>
        {
            o.DockerHost = "unix:///nonexistent/kt-docker.sock";
            o.VerifyDockerOnConnect = false;
        });

        (await connection.Files.ReadAsync("/nonexistent/kt-file", Token)).Should().BeNull();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
