using Kolla.Docker;
using Kolla.Hosts;

namespace Kolla.Tests;

[Trait("Category", "Integration")]
public sealed class DockerEngineFailureTests
{
    [Fact]
    public async Task EngineStopped_ClearHostExecutionException()
    {
        var token = TestContext.Current.CancellationToken;
        await using var engine = await PrivateDockerd.StartAsync($"{Guid.NewGuid():N}"[..8] + "-down", token);
        using var runtime = new DockerContainerRuntime("downhost", new DockerRuntimeOptions
        {
            Endpoint = new Uri(engine.DockerHost),
            MaxRetries = 2,
            RetryInitialDelay = TimeSpan.FromMilliseconds(20),
        });
        await runtime.PingAsync(token);

        engine.Crash();
        var act = () => runtime.ListAsync(token);

        var error = (await act.Should().ThrowAsync<HostUnreachableException>()).Which;
        error.Should().BeAssignableTo<HostExecutionException>();
        error.Host.Should().Be("downhost");
        error.Message.Should().Be($"downhost: Docker engine at {engine.DockerHost} is not reachable (Connection refused (ConnectionRefused)) while trying to list containers");
    }

    [Fact]
    public async Task NoEngineAtSocket_ClearHostExecutionException()
    {
        using var runtime = new DockerContainerRuntime("nohost", new DockerRuntimeOptions
        {
            Endpoint = new Uri($"unix:///tmp/kt-absent-{Guid.NewGuid():N}.sock"),
            MaxRetries = 0,
        });

        var act = () => runtime.InspectAsync("anything", TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain("is not reachable").And.Contain("while trying to inspect anything");
    }
}
