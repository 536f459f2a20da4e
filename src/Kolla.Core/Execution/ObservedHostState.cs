using Kolla.Containers;
using Kolla.Planning;

namespace Kolla.Execution;

/// <summary>What a host has now, read in one batch per kind: containers, config files, volumes, images.</summary>
/// <param name="Containers">Containers by name.</param>
/// <param name="Files">Files under <c>node_config_directory</c> by absolute path.</param>
/// <param name="Volumes">Named volumes.</param>
/// <param name="Images">Each planned image's local state (null when absent).</param>
/// <param name="NodeConfigDirectory">The directory the files were read from.</param>
public sealed record ObservedHostState(
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

    /// <summary>The configuration hash a container was last (re)started with, from the host's marker files, or null.</summary>
    public string? AppliedConfigHash(string container)
    {
        var prefix = StateDirectory(NodeConfigDirectory, container) + "/";
        return Files.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p[prefix.Length..]).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Reads the state a host plan needs, through the host's connection.</summary>
    public static async Task<ObservedHostState> ReadAsync(IHostConnection connection, HostPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(plan);
        var containers = connection.Containers.ListAsync(cancellationToken);
        var files = connection.Files.ReadTreeStateAsync(plan.NodeConfigDirectory, cancellationToken);
        var volumes = connection.Containers.ListVolumesAsync(cancellationToken);
        var images = plan.Images.Select(async image => (image, await connection.Containers.InspectImageAsync(image, cancellationToken).ConfigureAwait(false))).ToList();
        await Task.WhenAll(containers, files, volumes).ConfigureAwait(false);
        var imageStates = await Task.WhenAll(images).ConfigureAwait(false);
        return new ObservedHostState(
            (await containers.ConfigureAwait(false)).ToDictionary(c => c.Name, StringComparer.Ordinal),
            await files.ConfigureAwait(false),
            (await volumes.ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal),
            imageStates.ToDictionary(i => i.image, i => i.Item2, StringComparer.Ordinal),
            plan.NodeConfigDirectory);
    }
}
