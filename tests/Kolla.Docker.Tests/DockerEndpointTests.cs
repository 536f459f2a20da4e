using Kolla.Docker;

namespace Kolla.Tests;

/// <summary>Changes the process environment, so it runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DockerEndpointTests
{
    [Fact]
    public void Endpoint_NotConfigured_TakenFromDockerHostLikeTheCli()
    {
        var previous = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socket = $"unix:///tmp/kt-endpoint-{Guid.NewGuid():N}.sock";
        Environment.SetEnvironmentVariable("DOCKER_HOST", socket);
        try
        {
            using var runtime = new DockerContainerRuntime("h");

            runtime.Endpoint.Should().Be(new Uri(socket));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", previous);
        }
    }

    [Fact]
    public void Endpoint_Configured_WinsOverDockerHost()
    {
        var previous = Environment.GetEnvironmentVariable("DOCKER_HOST");
        Environment.SetEnvironmentVariable("DOCKER_HOST", "unix:///tmp/kt-ignored.sock");
        try
        {
            using var runtime = new DockerContainerRuntime("h", new DockerRuntimeOptions { Endpoint = new Uri("unix:///tmp/kt-chosen.sock") });

            runtime.Endpoint.Should().Be(new Uri("unix:///tmp/kt-chosen.sock"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", previous);
        }
    }
}
