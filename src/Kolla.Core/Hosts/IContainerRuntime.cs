using Kolla.Containers;

namespace Kolla.Hosts;

/// <summary>The container engine of one target host.</summary>
/// <remarks>
/// Counterpart of kolla-ansible's <c>kolla_container</c> and <c>kolla_container_facts</c> modules. Implementations:
/// Docker's Engine API (local socket or tunnelled over SSH) and the dry-run executor.
/// Errors the engine reports on purpose surface as <see cref="ContainerOperationException"/> naming the container.
/// </remarks>
public interface IContainerRuntime
{
    /// <summary>Reads every container on the host (running or not) with the fields Kolla compares, in one batched read.</summary>
    Task<IReadOnlyList<ContainerState>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists every container (running or not) in one call, with the fields the engine's list returns: name, id, image,
    /// image id, status, health and labels. The other fields are left empty; <see cref="InspectAsync"/> reads them.
    /// </summary>
    /// <remarks>A container Kolla created carries its spec hash and config hash as labels, so this one call tells whether it matches its plan.</remarks>
    Task<IReadOnlyList<ContainerState>> ListSummariesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every local image (id, tags, labels), in one call.</summary>
    Task<IReadOnlyList<ImageState>> ListImagesAsync(CancellationToken cancellationToken = default);

    /// <summary>Inspects one container; null when it does not exist.</summary>
    Task<ContainerState?> InspectAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Image id of a local image reference, or null when the image is not present.</summary>
    Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>Inspects a local image (id, tags, labels), or null when it is not present; feeds <see cref="ContainerComparisonContext.DesiredImage"/>.</summary>
    Task<ImageState?> InspectImageAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>Pulls an image from its registry.</summary>
    Task PullImageAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a local image by id or name, never forced: a name of an image with several is only untagged, and an image a
    /// container uses is refused. No-op if it does not exist.
    /// </summary>
    Task RemoveImageAsync(string image, CancellationToken cancellationToken = default);

    /// <summary>Creates a named local volume labelled <c>kolla_managed=true</c> unless it exists.</summary>
    Task EnsureVolumeAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Removes a named volume if it exists.</summary>
    Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Lists named volumes.</summary>
    Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates (does not start) a container from the spec, adding <paramref name="labels"/> to the spec's own.</summary>
    /// <returns>The new container's id.</returns>
    Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default);

    /// <summary>Starts a container (no-op if it runs).</summary>
    Task StartAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Stops a container, waiting up to <paramref name="timeout"/> before killing it (no-op if stopped or missing).</summary>
    Task StopAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Restarts a container.</summary>
    Task RestartAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Removes a container (forced; no-op if missing).</summary>
    Task RemoveAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Runs a one-shot container to completion (bootstrap jobs), returns its exit code and log tail, then removes it.</summary>
    Task<OneShotResult> RunOneShotAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Runs a command inside a running container.</summary>
    Task<OneShotResult> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken = default);

    /// <summary>Returns the last <paramref name="lines"/> lines of a container's log.</summary>
    Task<string> GetLogTailAsync(string name, int lines, CancellationToken cancellationToken = default);
}
