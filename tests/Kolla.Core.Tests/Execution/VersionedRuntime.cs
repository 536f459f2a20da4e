using Kolla.Containers;
using Kolla.Execution;

namespace Kolla.Tests.Execution;

/// <summary>A runtime that reports an engine version, delegating everything else.</summary>
internal sealed class VersionedRuntime(IContainerRuntime inner, ContainerEngineVersion version) : IContainerRuntime, IContainerEngineInfo
{
    public Task<ContainerEngineVersion?> GetEngineVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult<ContainerEngineVersion?>(version);

    public Task<IReadOnlyList<ContainerState>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    public Task<IReadOnlyList<ContainerState>> ListSummariesAsync(CancellationToken cancellationToken = default) => inner.ListSummariesAsync(cancellationToken);

    public Task<IReadOnlyList<ImageState>> ListImagesAsync(CancellationToken cancellationToken = default) => inner.ListImagesAsync(cancellationToken);

    public Task<ContainerState?> InspectAsync(string name, CancellationToken cancellationToken = default) => inner.InspectAsync(name, cancellationToken);

    public Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default) => inner.GetImageIdAsync(image, cancellationToken);

    public Task<ImageState?> InspectImageAsync(string image, CancellationToken cancellationToken = default) => inner.InspectImageAsync(image, cancellationToken);

    public Task PullImageAsync(string image, CancellationToken cancellationToken = default) => inner.PullImageAsync(image, cancellationToken);

    public Task EnsureVolumeAsync(string name, CancellationToken cancellationToken = default) => inner.EnsureVolumeAsync(name, cancellationToken);

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default) => inner.RemoveVolumeAsync(name, cancellationToken);

    public Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken = default) => inner.ListVolumesAsync(cancellationToken);

    public Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default) => inner.CreateAsync(spec, labels, cancellationToken);

    public Task StartAsync(string name, CancellationToken cancellationToken = default) => inner.StartAsync(name, cancellationToken);

    public Task StopAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) => inner.StopAsync(name, timeout, cancellationToken);

    public Task RestartAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) => inner.RestartAsync(name, timeout, cancellationToken);

    public Task RemoveAsync(string name, CancellationToken cancellationToken = default) => inner.RemoveAsync(name, cancellationToken);

    public Task<OneShotResult> RunOneShotAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inner.RunOneShotAsync(spec, labels, timeout, cancellationToken);

    public Task<OneShotResult> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken = default) => inner.ExecAsync(name, command, cancellationToken);

    public Task<string> GetLogTailAsync(string name, int lines, CancellationToken cancellationToken = default) => inner.GetLogTailAsync(name, lines, cancellationToken);
}
