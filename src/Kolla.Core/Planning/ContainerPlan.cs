using Kolla.Containers;
using Kolla.Services;

namespace Kolla.Planning;

/// <summary>The desired state of one container on one host: its spec, its config directory and files, and its one-shots.</summary>
/// <param name="Service">Service (role) name.</param>
/// <param name="Key">Service key (<c>nova-api</c>).</param>
/// <param name="Spec">The container spec.</param>
/// <param name="ConfigDirectory">Absolute path of its config directory on the host (<c>/etc/kolla/nova-api</c>).</param>
/// <param name="Files">Every file of the config directory, <c>config.json</c> included, sorted by path.</param>
/// <param name="ConfigHash">Hash over the files' paths, modes and contents (and the post-start commands); kept on the container as a label.</param>
/// <param name="Restart">How it may be restarted.</param>
/// <param name="Bootstraps">One-shot jobs to run on this host before the container starts, when it is created or its image changes.</param>
public sealed record ContainerPlan(
    string Service,
    string Key,
    ContainerSpec Spec,
    string ConfigDirectory,
    IReadOnlyList<PlannedFile> Files,
    string ConfigHash,
    RestartStrategy Restart,
    IReadOnlyList<BootstrapPlan> Bootstraps)
{
    /// <summary>Rendered shell commands to run inside the container once it is (re)started (and healthy, unless <see cref="PostStartBeforeHealthy"/>); part of <see cref="ConfigHash"/>.</summary>
    public IReadOnlyList<string> PostStart { get; init; } = [];

    /// <summary>Whether <see cref="PostStart"/> runs before the converge waits for the container to be healthy (see <see cref="Services.ContainerDefinition.PostStartBeforeHealthy"/>).</summary>
    public bool PostStartBeforeHealthy { get; init; }

    /// <summary>Bootstrap jobs after which the running container gets SIGHUP (see <see cref="Services.ContainerDefinition.ReloadAfter"/>); not part of <see cref="ConfigHash"/>.</summary>
    public IReadOnlyList<string> ReloadAfter { get; init; } = [];

    /// <summary>Whether the container is a Galera node that forms a new cluster with the same container on its other hosts (see <see cref="Services.ContainerDefinition.GaleraCluster"/>); not part of <see cref="ConfigHash"/>.</summary>
    public bool GaleraCluster { get; init; }

    /// <summary>The cluster this host's Galera node belongs to (<see cref="Services.ContainerDefinition.GaleraClusterName"/> rendered for the host); empty when the container's hosts form one cluster, or it is no Galera node.</summary>
    public string GaleraClusterName { get; init; } = "";

    private SpecHashCache? _specHash;

    /// <summary>
    /// <see cref="Spec"/>'s <see cref="ContainerSpec.ComputeHash"/>, computed once (reading the host and deciding its
    /// changes both compare it with the container's label).
    /// </summary>
    public string SpecHash
    {
        get
        {
            // Keyed by the spec instance: a copy made with another spec (`with { Spec = ... }`) computes its own.
            var cached = _specHash;
            if (cached is null || !ReferenceEquals(cached.Spec, Spec))
            {
                cached = new SpecHashCache(Spec, Spec.ComputeHash());
                _specHash = cached;
            }

            return cached.Hash;
        }
    }

    private sealed record SpecHashCache(ContainerSpec Spec, string Hash);
}
