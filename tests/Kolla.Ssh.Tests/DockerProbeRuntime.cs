using Docker.DotNet;
using Docker.DotNet.Models;
using Kolla.Containers;
using Kolla.Execution;
using ContainerSpec = Kolla.Containers.ContainerSpec;

namespace Kolla.Tests;

/// <summary>A minimal container runtime over the tunnelled Docker client, standing in for Kolla.Docker's runtime in these
/// tests; it exposes the client so tests can call the Engine API directly.</summary>
internal sealed class DockerProbeRuntime(DockerClient docker, string host) : IContainerRuntime
{
    public DockerClient Docker => docker;

    public string Host => host;

    public async Task<IReadOnlyList<ContainerState>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true }, cancellationToken);
        return list.Select(c => new ContainerState
        {
            Name = c.Names.First().TrimStart('/'),
            Id = c.ID,
            Image = c.Image,
            Status = c.State,
        }).ToList();
    }

    public async Task<ContainerState?> InspectAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            var c = await docker.Containers.InspectContainerAsync(name, cancellationToken);
            return new ContainerState { Name = c.Name.TrimStart('/'), Id = c.ID, Image = c.Config?.Image ?? "", Status = c.State?.Status ?? "", StartedAt = c.State?.StartedAt ?? "" };
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
    }

    public Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task PullImageAsync(string image, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task EnsureVolumeAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task StartAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task StopAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RestartAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task RemoveAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<OneShotResult> RunOneShotAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<OneShotResult> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<string> GetLogTailAsync(string name, int lines, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
