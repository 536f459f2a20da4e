using Kolla.Containers;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Changes;

/// <summary>What a host has now, read in one batch per kind: containers, config files, volumes, images.</summary>
/// <param name="Containers">Containers by name; those matching their plan's spec hash as the engine's list shows them (see <see cref="ReadAsync"/>).</param>
/// <param name="Files">Files under <c>node_config_directory</c> by absolute path.</param>
/// <param name="Volumes">Named volumes.</param>
/// <param name="Images">Each planned image's local state (null when absent).</param>
/// <param name="NodeConfigDirectory">The directory the files were read from.</param>
internal sealed record ObservedHostState(
    IReadOnlyDictionary<string, ContainerState> Containers,
    IReadOnlyDictionary<string, HostFileState> Files,
    IReadOnlySet<string> Volumes,
    IReadOnlyDictionary<string, ImageState?> Images,
    string NodeConfigDirectory)
{
    /// <summary>Where Kolla records which configuration each container was last (re)started with.</summary>
    public const string StateDirectoryName = ".kolla-state";

    /// <summary>Nothing at all (a fresh host, or the dry-run executor without a reader).</summary>
    public static ObservedHostState Empty(string nodeConfigDirectory) => new(
        new Dictionary<string, ContainerState>(),
        new Dictionary<string, HostFileState>(),
        new HashSet<string>(),
        new Dictionary<string, ImageState?>(),
        nodeConfigDirectory);

    /// <summary>The marker directory of one container.</summary>
    public static string StateDirectory(string nodeConfigDirectory, string container) => $"{nodeConfigDirectory}/{StateDirectoryName}/{container}";

    /// <summary>The configuration hash a container was last restarted with, from the host's marker files, or null.</summary>
    /// <remarks>A container Kolla created carries the hash it was created with as a label instead (<see cref="KollaLabels.ConfigHash"/>).</remarks>
    public string? AppliedConfigHash(string container)
    {
        var prefix = StateDirectory(NodeConfigDirectory, container) + "/";
        return ConfigMarkers(container).Select(p => p[prefix.Length..]).FirstOrDefault();
    }

    /// <summary>The paths of a container's marker files (normally none or one), sorted.</summary>
    public IReadOnlyList<string> ConfigMarkers(string container)
    {
        var prefix = StateDirectory(NodeConfigDirectory, container) + "/";
        return [.. Files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads the state a host plan needs, through the host's connection.</summary>
    /// <remarks>
    /// One container list, one volume list and one image list (issued one after another, so a tunnelled engine needs a
    /// single connection), while the config files are read at the same time. Only containers that need more than the list
    /// are inspected: those without Kolla's spec-hash label (adopted, compared field by field) and those whose spec hash
    /// differs from their plan (to name the fields that changed). A rerun with nothing to do inspects nothing.
    /// </remarks>
    public static async Task<ObservedHostState> ReadAsync(IHostConnection connection, HostPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(plan);
        var files = connection.Files.ReadTreeStateAsync(plan.NodeConfigDirectory, cancellationToken);
        var engine = ReadEngineAsync(connection.Containers, plan, cancellationToken);
        await Task.WhenAll(files, engine).ConfigureAwait(false);
        var (containers, volumes, images) = await engine.ConfigureAwait(false);
        return new ObservedHostState(containers, await files.ConfigureAwait(false), volumes, images, plan.NodeConfigDirectory);
    }

    private static async Task<(Dictionary<string, ContainerState>, HashSet<string>, Dictionary<string, ImageState?>)> ReadEngineAsync(
        IContainerRuntime runtime, HostPlan plan, CancellationToken cancellationToken)
    {
        var containers = (await runtime.ListSummariesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var container in plan.Containers)
        {
            var name = container.Spec.Name;
            if (containers.TryGetValue(name, out var summary)
                && (!summary.Labels.TryGetValue(KollaLabels.SpecHash, out var hash) || hash != container.SpecHash))
            {
                if (await runtime.InspectAsync(name, cancellationToken).ConfigureAwait(false) is { } full)
                {
                    containers[name] = full;
                }
                else
                {
                    containers.Remove(name);
                }
            }
        }

        var volumes = (await runtime.ListVolumesAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var local = await runtime.ListImagesAsync(cancellationToken).ConfigureAwait(false);
        var byTag = new Dictionary<string, ImageState>(StringComparer.Ordinal);
        foreach (var image in local)
        {
            foreach (var tag in image.RepoTags)
            {
                byTag.TryAdd(tag, image);
            }
        }

        var images = new Dictionary<string, ImageState?>(StringComparer.Ordinal);
        foreach (var image in plan.Images)
        {
            // A reference the list does not show verbatim (no tag, docker.io/library/...) is resolved by the engine.
            images[image] = byTag.GetValueOrDefault(image) ?? byTag.GetValueOrDefault(ImageReference.Parse(image, ImageReference.LatestTag).ToString())
                ?? await runtime.InspectImageAsync(image, cancellationToken).ConfigureAwait(false);
        }

        return (containers, volumes, images);
    }
}
