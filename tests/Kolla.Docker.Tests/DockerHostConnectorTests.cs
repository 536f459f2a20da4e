using Kolla.Docker;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.TestKit;

namespace Kolla.Tests;

public sealed class DockerHostConnectorTests
{
    [Fact]
    public async Task ConnectAsync_SshHost_Refused()
    {
        var connector = new DockerHostConnector();

        var act = async () => await connector.ConnectAsync(new HostTarget("compute1", "10.0.0.5"), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().StartWith("compute1: ansible_connection is 'ssh'");
    }

    [Fact]
    public void Runtime_SshEndpoint_PointsToTheSshConnector()
    {
        var act = () => new DockerContainerRuntime("remote1", new DockerRuntimeOptions { Endpoint = new Uri("ssh://kolla@10.0.0.5") });

        act.Should().Throw<HostUnreachableException>().WithMessage("remote1: ssh:// Docker endpoints are reached through Kolla.Ssh*");
    }

    [Fact]
    public async Task ConnectAsync_InvalidEndpointVariable_Refused()
    {
        var target = new HostTarget("local1", "localhost", Connection: "local", Variables: new Dictionary<string, object?>
        {
            [DockerHostConnector.DockerHostVariable] = "not a uri",
        });

        var act = async () => await new DockerHostConnector().ConnectAsync(target, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain("kolla_docker_host 'not a uri'");
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task ConnectAsync_EngineDown_HostUnreachable()
    {
        var target = new HostTarget("local1", "localhost", Connection: "local", Variables: new Dictionary<string, object?>
        {
            [DockerHostConnector.DockerHostVariable] = $"unix:///tmp/kt-absent-{Guid.NewGuid():N}.sock",
        });
        var connector = new DockerHostConnector(new DockerRuntimeOptions { MaxRetries = 0 });

        var act = async () => await connector.ConnectAsync(target, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain("while trying to ping the Docker engine");
    }
}

[Collection(DockerEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DockerHostConnectorEngineTests(DockerEngineFixture engine)
{
    [Fact]
    public async Task ConnectAsync_LocalHostWithEndpointVariable_FilesAndContainers()
    {
        var token = TestContext.Current.CancellationToken;
        await engine.EnsureTestImageAsync(token);
        var target = new HostTarget("local1", "localhost", Connection: "local", Variables: new Dictionary<string, object?>
        {
            [DockerHostConnector.DockerHostVariable] = engine.DockerHost,
        });

        await using var connection = await new DockerHostConnector().ConnectAsync(target, token);

        connection.Host.Should().Be("local1");
        connection.Files.Should().BeOfType<LocalHostFiles>();
        var name = engine.NameFor("connector");
        var result = await connection.Containers.RunOneShotAsync(
            new Containers.ContainerSpec { Name = name, Image = engine.TestImage, Command = "sh -c 'echo $TZ'" },
            new Dictionary<string, string>(),
            TimeSpan.FromMinutes(1),
            token);
        result.Output.Trim().Should().Be(Containers.ContainerEnvironment.ResolveTimeZone(
            File.Exists("/etc/timezone") ? await File.ReadAllTextAsync("/etc/timezone", token) : null,
            new FileInfo("/etc/localtime").LinkTarget));
    }
}
