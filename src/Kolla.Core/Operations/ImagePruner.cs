using Kolla.Changes;
using Kolla.Containers;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Operations;

/// <summary>
/// Removes the Kolla images (those labelled <c>kolla_version</c>) that nothing uses (<c>kolla prune-images</c>), hosts in
/// parallel.
/// </summary>
/// <remarks>
/// <para>Counterpart of kolla-ansible's <c>prune-images</c> action, which prunes the untagged images carrying the
/// <c>kolla_version</c> label (<see cref="PruneImagesOptions.DanglingOnly"/>). By default this also removes tagged Kolla
/// images that no container of the plan and no container on the host (running or not) uses: after an upgrade, the
/// previous release's images.</para>
/// <para>An image is never forced out: one a container starts using meanwhile is refused by the engine and reported. Images
/// without the <c>kolla_version</c> label are never touched. A second run changes nothing.</para>
/// </remarks>
internal sealed class ImagePruner
{
    /// <summary>The label every Kolla image carries (kolla's image build sets it).</summary>
    public const string KollaImageLabel = "kolla_version";

    private readonly HostOperation<PruneImagesOptions> _operation;

    /// <summary>Creates a pruner.</summary>
    /// <param name="connector">How hosts are reached.</param>
    /// <param name="options">Forks, continue-on-error, dangling only; null for the defaults.</param>
    /// <param name="timeProvider">Clock for elapsed times; null for the system clock.</param>
    public ImagePruner(IHostConnector connector, PruneImagesOptions? options = null, TimeProvider? timeProvider = null)
    {
        _operation = new(connector, options ?? new PruneImagesOptions(), timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(_operation.Options.Forks, 1, nameof(options));
    }

    /// <summary>Reads every host and returns the images the prune would remove, touching nothing.</summary>
    /// <param name="plan">The deployment (its containers' images are kept).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One change set per host; an unreachable host has <see cref="HostChangeSet.Error"/> set.</returns>
    public Task<IReadOnlyList<HostChangeSet>> GetChangesAsync(DeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new HostFanOut(_operation.Connector, _operation.Options, _operation.Time).GetChangesAsync(
            plan,
            async (host, connection, token) =>
                new HostChangeSet(host.Host, await ReadChangesAsync(host, connection, token).ConfigureAwait(false), new Dictionary<string, byte[]>()),
            cancellationToken);
    }

    /// <summary>Removes the unused Kolla images on every host.</summary>
    /// <param name="plan">The deployment (its containers' images are kept).</param>
    /// <param name="progress">Receives one <see cref="ChangeAppliedEvent"/> per image removed.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap: <c>changed</c> counts removed images.</returns>
    public Task<DeployResult> ApplyAsync(DeploymentPlan plan, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new HostFanOut(_operation.Connector, _operation.Options, _operation.Time).RunEachAsync(plan, progress, async (session, connection, token) =>
        {
            foreach (var change in await ReadChangesAsync(session.Plan, connection, token).ConfigureAwait(false))
            {
                await session.ApplyAsync(change, () => RemoveAsync(connection.Containers, (RemoveImageChange)change, token)).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>The images to remove on one host from what it has (pure), in id order.</summary>
    /// <param name="host">The host's plan: the images its containers use are kept.</param>
    /// <param name="images">Every local image.</param>
    /// <param name="containers">Every container on the host, running or not (their images are kept).</param>
    /// <param name="options">Dangling only or not.</param>
    /// <returns>The changes.</returns>
    public static IReadOnlyList<HostChange> ChangesFor(
        HostPlan host, IReadOnlyList<ImageState> images, IReadOnlyList<ContainerState> containers, PruneImagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(options);
        var planned = host.Images.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var inUse = containers.Select(c => c.ImageId).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        var inUseByName = containers.Select(c => Normalize(c.Image)).ToHashSet(StringComparer.Ordinal);
        var changes = new List<HostChange>();
        foreach (var image in images.Where(i => i.Labels.ContainsKey(KollaImageLabel)).OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            var tags = image.RepoTags.Where(t => t != "<none>:<none>").Order(StringComparer.Ordinal).ToArray();
            if (options.DanglingOnly && tags.Length > 0)
            {
                continue;
            }

            if (inUse.Contains(image.Id) || tags.Any(t => planned.Contains(Normalize(t)) || inUseByName.Contains(Normalize(t))))
            {
                continue;
            }

            changes.Add(new RemoveImageChange(image.Id, tags));
        }

        return changes;
    }

    // Docker reports images of Docker Hub without "docker.io/" and its official images without "library/".
    private static string Normalize(string reference)
    {
        var parsed = ImageReference.Parse(reference, ImageReference.LatestTag).ToString();
        parsed = parsed.StartsWith("docker.io/", StringComparison.Ordinal) ? parsed["docker.io/".Length..] : parsed;
        return parsed.StartsWith("library/", StringComparison.Ordinal) ? parsed["library/".Length..] : parsed;
    }

    // Untagging by name removes the image with its last name; an image with several names cannot be removed by id unforced.
    private static async Task RemoveAsync(IContainerRuntime runtime, RemoveImageChange change, CancellationToken cancellationToken)
    {
        foreach (var name in change.RepoTags.Count == 0 ? [change.ImageId] : change.RepoTags)
        {
            await runtime.RemoveImageAsync(name, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<HostChange>> ReadChangesAsync(HostPlan host, IHostConnection connection, CancellationToken cancellationToken)
    {
        var images = connection.Containers.ListImagesAsync(cancellationToken);
        var containers = connection.Containers.ListSummariesAsync(cancellationToken);
        await Task.WhenAll(images, containers).ConfigureAwait(false);
        return ChangesFor(host, await images.ConfigureAwait(false), await containers.ConfigureAwait(false), _operation.Options);
    }
}
