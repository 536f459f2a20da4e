using Docker.DotNet.Models;
using Kolla.Docker;
using Kolla.Ssh;
using Kolla.TestKit;
using Renci.SshNet;
using ContainerSpec = Kolla.Containers.ContainerSpec;

namespace Kolla.Tests;

[Collection("ssh")]
[Trait("Category", "Integration")]
public sealed class SshDockerTransportTests(SshHostEnvironment env)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DialStdio_PingVersionAndList_ReachThePrivateEngine()
    {
        env.RequireAvailable();
        using var ssh = await ConnectSshAsync();
        using var docker = SshDockerClientFactory.Create(ssh);

        await docker.System.PingAsync(Token);
        var version = await docker.System.GetVersionAsync(Token);
        var info = await docker.System.GetSystemInfoAsync(Token);
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters(), Token);

        var direct = (await env.Engine.DockerAsync(["info", "--format", "{{.ID}} {{.DockerRootDir}}"], Token)).EnsureSuccess();

        version.APIVersion.Should().NotBeNullOrEmpty();
        $"{info.ID} {info.DockerRootDir}".Should().Be(direct.StandardOutput.Trim(), "the session's DOCKER_HOST points at the private engine");
        images.SelectMany(i => i.RepoTags ?? []).Should().Contain(env.Engine.TestImage);
    }

    [Fact]
    public async Task DialStdio_CreateStartExecLogsRemove_Busybox()
    {
        env.RequireAvailable();
        using var ssh = await ConnectSshAsync();
        using var docker = SshDockerClientFactory.Create(ssh);
        var name = env.Engine.NameFor("dial-" + Guid.NewGuid().ToString("N")[..6]);

        var created = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Name = name,
            Image = env.Engine.TestImage,
            Cmd = ["sh", "-c", "echo started; exec sleep 300"],
            Labels = new Dictionary<string, string> { [DockerEngineFixture.RunLabelKey] = env.Engine.RunId },
            HostConfig = new HostConfig { NetworkMode = "none" },
        }, Token);
        try
        {
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), Token);
            var listed = await docker.Containers.ListContainersAsync(new ContainersListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
            }, Token);
            listed.Should().ContainSingle().Which.State.Should().Be("running");

            var exec = await docker.Exec.CreateContainerExecAsync(created.ID, new ContainerExecCreateParameters
            {
                Cmd = ["sh", "-c", "cat; echo out; echo err >&2; exit 3"],
                AttachStdin = true,
                AttachStdout = true,
                AttachStderr = true,
            }, Token);
            using (var stream = await docker.Exec.StartContainerExecAsync(exec.ID, new ContainerExecStartParameters(), Token))
            {
                var input = "from stdin\n"u8.ToArray();
                await stream.WriteAsync(input, 0, input.Length, Token);
                stream.CloseWrite();
                var (stdout, stderr) = await stream.ReadOutputToEndAsync(Token);
                stdout.Should().Be("from stdin\nout\n");
                stderr.Should().Be("err\n");
            }

            (await docker.Exec.InspectContainerExecAsync(exec.ID, Token)).ExitCode.Should().Be(3);

            using var logs = await docker.Containers.GetContainerLogsAsync(created.ID, new ContainerLogsParameters { ShowStdout = true }, Token);
            (await logs.ReadOutputToEndAsync(Token)).stdout.Should().Be("started\n");
        }
        finally
        {
            await docker.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }

        (await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, Token))
            .Should().NotContain(c => c.ID == created.ID);
    }

    [Fact]
    public async Task DialStdio_ManyRequests_ReuseFewRemoteProcesses()
    {
        env.RequireAvailable();
        using var ssh = await ConnectSshAsync();
        var logger = new RecordingLogger();
        using var docker = SshDockerClientFactory.Create(ssh, new SshDockerTransportOptions { MaxConnections = 2 }, logger);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => docker.System.PingAsync(Token)));
        for (var i = 0; i < 20; i++)
        {
            await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, Token);
        }

        logger.Count(3003).Should().BeInRange(1, 2, "keep-alive reuses the dial-stdio processes");
    }

    [Fact]
    public async Task Connector_Create_RunsDockerContainerRuntimeOverTheTunnel()
    {
        env.RequireAvailable();
        var name = env.Engine.NameFor("rt-" + Guid.NewGuid().ToString("N")[..6]);
        var spec = new ContainerSpec
        {
            Name = name,
            Image = env.Engine.TestImage,
            Command = "sh -c 'echo via-ssh; exec sleep 300'",
            NetworkMode = "none",
            RestartPolicy = "no",
        };
        var labels = new Dictionary<string, string> { [DockerEngineFixture.RunLabelKey] = env.Engine.RunId };
        var imageId = (await env.Engine.DockerAsync(["image", "inspect", "--format", "{{.Id}}", env.Engine.TestImage], Token))
            .EnsureSuccess().StandardOutput.Trim();

        await using var connection = await env.ConnectAsync(Token);
        var runtime = ((SshGuardedContainerRuntime)connection.Containers).Inner.Should().BeOfType<DockerContainerRuntime>().Subject;
        try
        {
            await connection.Containers.CreateAsync(spec, labels, Token);
            await connection.Containers.StartAsync(name, Token);
            var state = await connection.Containers.InspectAsync(name, Token);
            var listed = await connection.Containers.ListAsync(Token);
            var exec = await connection.Containers.ExecAsync(name, ["sh", "-c", "echo in-container; exit 4"], Token);
            var image = await connection.Containers.InspectImageAsync(env.Engine.TestImage, Token);

            runtime.Host.Should().Be("node-a");
            state!.Status.Should().Be("running");
            listed.Should().Contain(c => c.Name == name);
            exec.ExitCode.Should().Be(4);
            exec.Output.Should().Be("in-container\n");
            (await connection.Containers.GetLogTailAsync(name, 10, Token)).Should().Be("via-ssh\n");
            image!.Id.Should().Be(imageId);
            (await connection.Containers.InspectImageAsync("kolla-test/not-there:none", Token)).Should().BeNull();
            (await connection.Containers.InspectAsync(env.Engine.NameFor("does-not-exist"), Token)).Should().BeNull();
        }
        finally
        {
            await connection.Containers.RemoveAsync(name, CancellationToken.None);
        }

        (await connection.Containers.InspectAsync(name, Token)).Should().BeNull();
        (await env.Engine.DockerAsync(["ps", "-aq", "--filter", $"name={name}"], Token)).StandardOutput.Should().BeEmpty();
    }

    private async Task<SshClient> ConnectSshAsync()
    {
        var ssh = new SshClient(env.Server.Host, env.Server.Port, env.Server.User, new PrivateKeyFile(env.Server.ClientKeyPath));
        var expected = KnownHosts.Parse(env.Server.KnownHostsLine, "fixture");
        ssh.HostKeyReceived += (_, e) => e.CanTrust = expected.Verify(env.Server.Host, env.Server.Port, e.HostKey).IsTrusted;
        await ssh.ConnectAsync(Token);
        return ssh;
    }
}
