using System.Collections.Concurrent;
using Kolla.Containers;

namespace Kolla.Hosts;

/// <summary>A container engine held in memory: every image is "pulled", every container starts healthy.</summary>
internal sealed class MemoryContainerRuntime(string host) : IContainerRuntime, ISimulatedContainerRuntime
{
    private readonly ConcurrentDictionary<string, ContainerState> _containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImageState> _images = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _volumes = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<ContainerState>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ContainerState>>([.. _containers.Values]);

    public Task<IReadOnlyList<ContainerState>> ListSummariesAsync(CancellationToken cancellationToken = default) => ListAsync(cancellationToken);

    public Task<IReadOnlyList<ImageState>> ListImagesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ImageState>>([.. _images.Values]);

    public Task<ContainerState?> InspectAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_containers.GetValueOrDefault(name));

    public Task<ImageState?> InspectImageAsync(string image, CancellationToken cancellationToken = default) =>
        Task.FromResult(_images.GetValueOrDefault(image));

    public Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default) =>
        Task.FromResult(_images.GetValueOrDefault(image)?.Id);

    public Task PullImageAsync(string image, CancellationToken cancellationToken = default)
    {
        _images[image] = new ImageState($"sha256:dry-run-{image}", [image], new Dictionary<string, string>());
        return Task.CompletedTask;
    }

    public Task RemoveImageAsync(string image, CancellationToken cancellationToken = default)
    {
        foreach (var (key, state) in _images)
        {
            if (key == image || state.Id == image)
            {
                _images.TryRemove(key, out _);
            }
        }

        return Task.CompletedTask;
    }

    public Task EnsureVolumeAsync(string name, CancellationToken cancellationToken = default)
    {
        _volumes[name] = 0;
        return Task.CompletedTask;
    }

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default)
    {
        _volumes.TryRemove(name, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. _volumes.Keys]);

    public Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(labels);
        var allLabels = spec.Labels.Concat(labels).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        allLabels[KollaLabels.SpecHash] = spec.ComputeHash();
        allLabels.TryAdd(KollaLabels.ManagedBy, KollaLabels.ManagedByValue);
        var id = $"dry-run-{host}-{spec.Name}";
        var volumes = ContainerVolumes.Parse(spec.Volumes);

        // What an engine would report for a container made from the spec, so later comparisons see no difference.
        _containers[spec.Name] = new ContainerState
        {
            Name = spec.Name,
            Id = id,
            Image = spec.Image,
            ImageId = _images.GetValueOrDefault(spec.Image)?.Id ?? "",
            Status = "created",
            Labels = allLabels,
            Environment = ContainerEnvironment.ToEngineEntries(spec),
            Binds = volumes.Binds,
            VolumeDestinations = volumes.Destinations,
            VolumesFrom = spec.VolumesFrom,
            Tmpfs = spec.Tmpfs,
            Privileged = spec.Privileged,
            PidMode = spec.PidMode ?? "",
            IpcMode = spec.IpcMode ?? "",
            CgroupnsMode = spec.CgroupnsMode ?? "",
            CapAdd = spec.CapAdd,
            SecurityOpt = spec.SecurityOpt,
            Dimensions = spec.Dimensions,
            Healthcheck = spec.Healthcheck,
        };
        return Task.FromResult(id);
    }

    public Task StartAsync(string name, CancellationToken cancellationToken = default) => SetStatus(name, "running");

    public Task StopAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) => SetStatus(name, "exited");

    public Task RestartAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default) => SetStatus(name, "running");

    public Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        _containers.TryRemove(name, out _);
        return Task.CompletedTask;
    }

    public Task<OneShotResult> RunOneShotAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Task.FromResult(new OneShotResult(0, "(dry run)"));

    public Task<OneShotResult> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken = default) =>
        Task.FromResult(new OneShotResult(0, "(dry run)"));

    public Task<string> GetLogTailAsync(string name, int lines, CancellationToken cancellationToken = default) => Task.FromResult("");

    private Task SetStatus(string name, string status)
    {
        if (_containers.TryGetValue(name, out var state))
        {
            _containers[name] = state with { Status = status, Health = null };
        }

        return Task.CompletedTask;
    }
}
