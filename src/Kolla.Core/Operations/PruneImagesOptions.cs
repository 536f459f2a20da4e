using Kolla.Converge;

namespace Kolla.Operations;

/// <summary>How <c>kolla prune-images</c> runs: forks, continue-on-error, and which Kolla images it removes.</summary>
public sealed record PruneImagesOptions : HostOperationOptions
{
    /// <summary>
    /// Remove only untagged (dangling) Kolla images, as kolla-ansible's <c>prune-images</c> does (<c>docker image prune</c>
    /// filtered on the <c>kolla_version</c> label). Default false: also tagged Kolla images that no planned container
    /// and no container on the host uses (a previous release's images after an upgrade).
    /// </summary>
    public bool DanglingOnly { get; init; }
}
