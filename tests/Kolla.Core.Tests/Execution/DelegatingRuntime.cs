using Kolla.Containers;
using Kolla.Hosts;

namespace Kolla.Tests.Execution;

/// <summary>A runtime that passes every call to another; test runtimes override only what they observe or change.</summary>
internal abstract class DelegatingRuntime(IContainerRuntime inner) : IContainerRuntime
{
    public virtual Task<IReadOnlyList<ContainerState>> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    public virtual Task<IReadOnlyList<ContainerState>> ListSummariesAsync(CancellationToken cancellationToken = default) => inner.ListSummariesAsync(cancellationToken);

    public virtual Task<IReadOnlyList<ImageState>> ListImagesAsync(CancellationToken cancellationToken = default) => inner.ListImagesAsync(cancellationToken);

    public virtual Task<ContainerState?> InspectAsync(string name, CancellationToken cancellationToken = default) => inner.InspectAsync(name, cancellationToken);

    public virtual Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default) => inner.GetImageIdAsync(image, cancellationToken);

    public virtual Task<ImageState?> InspectImageAsync(string image, CancellationToken cancellationToken = default) => inner.InspectImageAsync(image, cancellationToken);

    public virtual Task PullImageAsync(string image, CancellationToken cancellationToken = default) => inner.PullImageAsync(image, cancellationToken);
    public virtual Task RemoveImageAsync(string image, CancellationToken cancellationToken = default) => inner.RemoveImageAsync(image, cancellationToken);

    public virtual Task EnsureVolumeAsync(string name, CancellationToken cancellationToken = default) => inner.EnsureVolumeAsync(name, cancellationToken);

    public virtual Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default) => inner.RemoveVolumeAsync(name, cancellationToken);

    public virtual Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken = default) => inner.ListVolumesAsync(cancellationToken);

    public virtual Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(spec, labels, cancellationToken);

    public virtual Task StartAsync(string name, CancellationToken cancellationToken = default) => inner.StartAsync(name, cancellationToken);

    public virtual Task StopAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) => inner.StopAsync(name, timeout, cancellationToken);

    public virtual Task RestartAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) => inner.RestartAsync(name, timeout, cancellationToken);

    public virtual Task RemoveAsync(string name, CancellationToken cancellationToken = default) => inner.RemoveAsync(name, cancellationToken);

    public virtual Task<OneShotResult> RunOneShotAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inner.RunOneShotAsync(spec, labels, timeout, cancellationToken);

    public virtual Task<OneShotResult> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken = default) => inner.ExecAsync(name, command, cancellationToken);

    public virtual Task<string> GetLogTailAsync(string name, int lines, CancellationToken cancellationToken = default) => inner.GetLogTailAsync(name, lines, cancellationToken);
}
