using Kolla.Containers;
using Kolla.Hosts;

namespace Kolla.Ssh;

/// <summary>Wraps a host's container runtime so that any failure caused by a lost SSH connection surfaces as
/// <see cref="HostUnreachableException"/> naming the host, whatever the runtime made of the broken stream.</summary>
internal sealed class SshGuardedContainerRuntime(IContainerRuntime inner, SshSession session) : IContainerRuntime, IContainerEngineInfo, IDisposable
{
    public IContainerRuntime Inner => inner;

    /// <summary>Disposes the inner runtime when it is disposable (it must not dispose the Docker client; the connection does).</summary>
    public void Dispose() => (inner as IDisposable)?.Dispose();

    public Task<ContainerEngineVersion?> GetEngineVersionAsync(CancellationToken cancellationToken = default) =>
        inner is IContainerEngineInfo info
            ? Guard("reading the Docker version", () => info.GetEngineVersionAsync(cancellationToken), cancellationToken)
            : Task.FromResult<ContainerEngineVersion?>(null);

    public Task<IReadOnlyList<ContainerState>> ListAsync(CancellationToken cancellationToken = default) =>
        Guard("listing containers", () => inner.ListAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ContainerState>> ListSummariesAsync(CancellationToken cancellationToken = default) =>
        Guard("listing containers", () => inner.ListSummariesAsync(cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ImageState>> ListImagesAsync(CancellationToken cancellationToken = default) =>
        Guard("listing images", () => inner.ListImagesAsync(cancellationToken), cancellationToken);

    public Task<ContainerState?> InspectAsync(string name, CancellationToken cancellationToken = default) =>
        Guard($"inspecting {name}", () => inner.InspectAsync(name, cancellationToken), cancellationToken);

    public Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default) =>
        Guard($"inspecting image {image}", () => inner.GetImageIdAsync(image, cancellationToken), cancellationToken);

    public Task<ImageState?> InspectImageAsync(string image, CancellationToken cancellationToken = default) =>
        Guard($"inspecting image {image}", () => inner.InspectImageAsync(image, cancellationToken), cancellationToken);

    public Task RemoveImageAsync(string image, CancellationToken cancellationToken = default) =>
        Guard($"removing image {image}", () => inner.RemoveImageAsync(image, cancellationToken), cancellationToken);

    public Task PullImageAsync(string image, CancellationToken cancellationToken = default) =>
        Guard($"pulling {image}", () => inner.PullImageAsync(image, cancellationToken), cancellationToken);

    public Task EnsureVolumeAsync(string name, CancellationToken cancellationToken = default) =>
        Guard($"creating volume {name}", () => inner.EnsureVolumeAsync(name, cancellationToken), cancellationToken);

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default) =>
        Guard($"removing volume {name}", () => inner.RemoveVolumeAsync(name, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken = default) =>
        Guard("listing volumes", () => inner.ListVolumesAsync(cancellationToken), cancellationToken);

    public Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default) =>
        Guard($"creating {spec.Name}", () => inner.CreateAsync(spec, labels, cancellationToken), cancellationToken);

    public Task StartAsync(string name, CancellationToken cancellationToken = default) =>
        Guard($"starting {name}", () => inner.StartAsync(name, cancellationToken), cancellationToken);

    public Task StopAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Guard($"stopping {name}", () => inner.StopAsync(name, timeout, cancellationToken), cancellationToken);

    public Task RestartAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Guard($"restarting {name}", () => inner.RestartAsync(name, timeout, cancellationToken), cancellationToken);

    public Task RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        Guard($"removing {name}", () => inner.RemoveAsync(name, cancellationToken), cancellationToken);

    public Task<OneShotResult> RunOneShotAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Guard($"running {spec.Name}", () => inner.RunOneShotAsync(spec, labels, timeout, cancellationToken), cancellationToken);

    public Task<OneShotResult> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken = default) =>
        Guard($"exec in {name}", () => inner.ExecAsync(name, command, cancellationToken), cancellationToken);

    public Task<string> GetLogTailAsync(string name, int lines, CancellationToken cancellationToken = default) =>
        Guard($"reading the log of {name}", () => inner.GetLogTailAsync(name, lines, cancellationToken), cancellationToken);

    private async Task Guard(string what, Func<Task> operation, CancellationToken cancellationToken) =>
        await Guard(what, async () =>
        {
            await operation().ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

    private async Task<T> Guard<T>(string what, Func<Task<T>> operation, CancellationToken cancellationToken)
    {
        if (!session.IsAlive)
        {
            throw session.TranslateFailure(new IOException("connection closed"), what)!;
        }

        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not HostUnreachableException && session.TranslateFailure(ex, what) is { } translated)
        {
            throw translated;
        }
    }
}
