using Docker.DotNet.Models;
using Kolla.Hosts;
using Kolla.Ssh;

namespace Kolla.Tests;

[Collection("ssh")]
[Trait("Category", "Integration")]
public sealed class SshConnectionLossTests(SshHostEnvironment env)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task KilledSession_MidCommand_FailsHostUnreachable_ThenConnectAgainWorks()
    {
        env.RequireAvailable();
        var connection = (SshHostConnection)await env.ConnectAsync(Token);
        await using (connection)
        {
            var running = connection.Session.RunAsync("sleep 30", Token);
            await Task.Delay(300, Token);

            (await env.Server.KillSessionsAsync(Token)).Should().BeGreaterThan(0);

            var error = (await FluentActions.Awaiting(() => running).Should().ThrowAsync<HostUnreachableException>()
                .WaitAsync(TimeSpan.FromSeconds(20), Token)).Which;
            error.Host.Should().Be("node-a");
            error.Message.Should().StartWith("node-a: ").And.Contain("lost");

            await FluentActions.Awaiting(() => connection.Files.ReadTreeStateAsync("/etc", Token)).Should().ThrowAsync<HostUnreachableException>();
            await FluentActions.Awaiting(() => connection.Files.WriteAsync("/tmp/kt-never", "x"u8.ToArray(), HostFileMode.ConfigFile, Token))
                .Should().ThrowAsync<HostUnreachableException>();
            await FluentActions.Awaiting(() => connection.Containers.ListAsync(Token)).Should().ThrowAsync<HostUnreachableException>();
        }

        await using var again = await env.ConnectAsync(Token);
        (await again.Files.ReadTreeStateAsync(env.NewDirectory("after"), Token)).Should().BeEmpty();
        (await again.Containers.ListAsync(Token)).Should().NotBeNull();
    }

    [Fact]
    public async Task KilledSession_MidDockerRequest_FailsInsteadOfHanging()
    {
        env.RequireAvailable();
        var connection = (SshHostConnection)await env.ConnectAsync(Token);
        await using (connection)
        {
            var docker = connection.Docker;
            var name = env.Engine.NameFor("wait-" + Guid.NewGuid().ToString("N")[..6]);
            var created = await docker.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Name = name,
                Image = env.Engine.TestImage,
                Cmd = ["sleep", "300"],
                HostConfig = new HostConfig { NetworkMode = "none" },
            }, Token);
            await docker.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), Token);
            var waiting = docker.Containers.WaitContainerAsync(created.ID, Token);
            await Task.Delay(300, Token);

            await env.Server.KillSessionsAsync(Token);

            var failure = await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<Exception>().WaitAsync(TimeSpan.FromSeconds(20), Token);
            failure.Which.Should().NotBeOfType<OperationCanceledException>();
            await FluentActions.Awaiting(() => connection.Containers.InspectAsync(name, Token)).Should().ThrowAsync<HostUnreachableException>();
        }

        await using var again = (SshHostConnection)await env.ConnectAsync(Token);
        var containers = await again.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, Token);
        foreach (var container in containers.Where(c => c.Names.Any(n => n.Contains(env.Engine.RunId + "-wait-", StringComparison.Ordinal))))
        {
            await again.Docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true }, Token);
        }
    }
}
