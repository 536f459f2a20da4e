using Docker.DotNet;
using Docker.DotNet.Models;
using Kolla.Docker;
using Kolla.Inventory;
using Kolla.Ssh;
using Kolla.TestKit;
using Renci.SshNet;

namespace Kolla.Tests;

/// <summary>
/// Docker through sshd's own <c>direct-streamlocal@openssh.com</c> channel to a known engine socket: no remote process,
/// dial-stdio only when sshd refuses the channel.
/// </summary>
[Collection("ssh")]
[Trait("Category", "Integration")]
public sealed class SshSocketChannelTests(SshHostEnvironment env)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SocketChannel_KnownSocket_ReachesTheEngineWithoutDialStdio()
    {
        env.RequireAvailable();
        using var ssh = await ConnectSshAsync(env.Server);
        var logger = new RecordingLogger();
        using var docker = SshDockerClientFactory.Create(ssh, new SshDockerTransportOptions { DockerHost = env.Engine.DockerHost, MaxConnections = 2 }, logger);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => docker.System.PingAsync(Token)));
        var info = await docker.System.GetSystemInfoAsync(Token);
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters(), Token);
        var (stdout, exitCode) = await ExecAsync(docker, "cat; echo out", RandomText(3 * 1024 * 1024));

        var direct = (await env.Engine.DockerAsync(["info", "--format", "{{.ID}}"], Token)).EnsureSuccess();
        info.ID.Should().Be(direct.StandardOutput.Trim());
        images.SelectMany(i => i.RepoTags ?? []).Should().Contain(env.Engine.TestImage);
        stdout.Length.Should().Be((3 * 1024 * 1024) + 4, "3 MiB through the exec's stdin and back, hijacked and half-closed over the channel");
        exitCode.Should().Be(0);
        logger.Count(3013).Should().Be(1, "the channel to the socket is announced once");
        logger.Count(3003).Should().Be(0, "no docker system dial-stdio runs on the host");
    }

    [Fact]
    public async Task SocketChannel_SshdRefusesForwarding_FallsBackToDialStdioAndLogsIt()
    {
        env.RequireAvailable();
        await using var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = env.Engine.DockerHost, WithoutStreamLocalForwarding = true }, Token);
        using var ssh = await ConnectSshAsync(server);
        var logger = new RecordingLogger();
        using var docker = SshDockerClientFactory.Create(ssh, new SshDockerTransportOptions { DockerHost = env.Engine.DockerHost }, logger);

        await docker.System.PingAsync(Token);
        await docker.System.PingAsync(Token);

        logger.Events.Where(e => e.Id == 3014).Should().ContainSingle().Which.Text.Should().Contain("sshd would not open").And.Contain("dial-stdio");
        logger.Count(3013).Should().Be(0);
        logger.Count(3003).Should().BeGreaterThan(0, "the Docker API goes through dial-stdio instead");
    }

    [Fact]
    public async Task Connector_SocketChannel_BuildsNoReadAhead_TheTreeIsReadWhenAsked()
    {
        env.RequireAvailable();
        var root = env.NewDirectory("socket-tree");
        await File.WriteAllTextAsync(root + "/a.conf", "before", Token);
        var options = env.Options(env.WriteKnownHosts(env.Server.KnownHostsLine));
        var target = env.Target(variables: SocketVariables()) with { ReadAheadDirectory = root };

        await using var connection = await env.Connector(options).ConnectAsync(target, Token);
        File.Delete(root + "/a.conf");
        await File.WriteAllTextAsync(root + "/b.conf", "new", Token);
        var state = await connection.Files.ReadTreeStateAsync(root, Token);

        ((SshHostConnection)connection).Session.ReadAhead.Should().BeNull("no dial-stdio shell ran to carry one: Docker went through the socket channel");
        state.Keys.Should().Equal(root + "/b.conf");
    }

    [Fact]
    public async Task Connector_SshdRefusesTheSocketChannel_TheFallbackDialCarriesTheTreeRead()
    {
        env.RequireAvailable();
        await using var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = env.Engine.DockerHost, WithoutStreamLocalForwarding = true }, Token);
        var root = env.NewDirectory("refused-tree");
        await File.WriteAllTextAsync(root + "/a.conf", "before", Token);
        var options = env.Options(env.WriteKnownHosts(server.KnownHostsLine));
        options.PrivateKeyFile = server.ClientKeyPath;
        var target = new HostTarget("node-r", server.Host, server.Port, server.User, Variables: SocketVariables()) { ReadAheadDirectory = root };

        await using var connection = await env.Connector(options).ConnectAsync(target, Token);
        File.Delete(root + "/a.conf");
        await File.WriteAllTextAsync(root + "/b.conf", "new", Token);
        var first = await connection.Files.ReadTreeStateAsync(root, Token);

        ((SshHostConnection)connection).Session.ReadAhead.Should().NotBeNull("the dial-stdio connection the refusal fell back to built it");
        first.Keys.Should().Equal([root + "/a.conf"], "the fallback dial (the connect's Docker check) read the tree ahead, in the same login");
    }

    private Dictionary<string, object?> SocketVariables() => new() { [DockerHostConnector.DockerHostVariable] = env.Engine.DockerHost };

    private async Task<(string Stdout, long? ExitCode)> ExecAsync(DockerClient docker, string script, string input)
    {
        var created = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = env.Engine.NameFor("socket-" + Guid.NewGuid().ToString("N")[..6]),
            Image = env.Engine.TestImage,
            Cmd = ["sleep", "300"],
            Labels = new Dictionary<string, string> { [DockerEngineFixture.RunLabelKey] = env.Engine.RunId },
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, Token);
        try
        {
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), Token);
            var exec = await docker.Exec.CreateContainerExecAsync(created.ID, new ContainerExecCreateParameters
            {
                Cmd = ["sh", "-c", script],
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
            }, Token);
            string stdout;
            using (var stream = await docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), Token))
            {
                var bytes = System.Text.Encoding.ASCII.GetBytes(input);
                var reading = stream.ReadOutputToEndAsync(Token);
                await stream.WriteAsync(bytes, 0, bytes.Length, Token);
                stream.CloseWrite();
                (stdout, _) = await reading;
            }

            return (stdout, (await docker.Exec.InspectContainerExecAsync(exec.ID, Token)).ExitCode);
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    private static string RandomText(int length) => new(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))).ToArray());

    private static async Task<SshClient> ConnectSshAsync(SshServer server)
    {
        var ssh = new SshClient(server.Host, server.Port, server.User, new PrivateKeyFile(server.ClientKeyPath));
        var expected = KnownHosts.Parse(server.KnownHostsLine, "fixture");
        ssh.HostKeyReceived += (_, e) => e.CanTrust = expected.Verify(server.Host, server.Port, e.HostKey).IsTrusted;
        await ssh.ConnectAsync(Token);
        return ssh;
    }
}
