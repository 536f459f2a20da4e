using Kolla.Changes;
using Kolla.Planning;

namespace Kolla.Converge;

/// <summary>
/// A Galera cluster a converge forms: the container (<see cref="ContainerPlan.GaleraCluster"/>), the host whose node
/// starts it with <c>--wsrep-new-cluster</c>, and the hosts that join it, in order.
/// </summary>
/// <remarks>
/// kolla-ansible's mariadb <c>lookup_cluster</c> tasks decide the same way: the cluster exists when any member already
/// has it (there, the <c>mariadb</c> volume); then new members just join. Only when none has it is it bootstrapped, from
/// the group's first host. One member alone forms its cluster by itself (its <c>galera.cnf</c> names no peer), so a
/// single-node deployment is left as it is.
/// </remarks>
/// <param name="Container">The container's name.</param>
/// <param name="BootstrapHost">The host that starts the cluster (the first member in plan order).</param>
/// <param name="Joiners">The other members, in plan order.</param>
internal sealed record NewGaleraCluster(string Container, string BootstrapHost, IReadOnlyList<string> Joiners)
{
    /// <summary>The clusters to form, from every member of every Galera container (in plan order) and whether each already has its cluster.</summary>
    /// <param name="members">Host, container and whether that host has the cluster (see the <c>HasCluster</c> overloads).</param>
    /// <returns>One cluster per container and cluster name (<see cref="ContainerPlan.GaleraClusterName"/>: MariaDB's shards) with more than one member, none of which has it.</returns>
    public static IReadOnlyList<NewGaleraCluster> Find(IEnumerable<(string Host, ContainerPlan Container, bool HasCluster)> members) =>
        [.. members.Where(m => m.Container.GaleraCluster)
            .GroupBy(m => (m.Container.Spec.Name, m.Container.GaleraClusterName))
            .Where(g => g.Count() > 1 && !g.Any(m => m.HasCluster))
            .Select(g => new NewGaleraCluster(g.Key.Name, g.First().Host, [.. g.Skip(1).Select(m => m.Host)]) { ClusterName = g.Key.GaleraClusterName })];

    /// <summary>The cluster's name (<see cref="ContainerPlan.GaleraClusterName"/>); empty when the container's hosts form one cluster.</summary>
    public string ClusterName { get; init; } = "";

    /// <summary>
    /// Refuses, before anything is touched, the new clusters a run limited by <c>--limit</c> would form while other members
    /// of theirs are left out: those hosts are not read, so one of them may run the cluster already, and the limited
    /// members would bootstrap a second one beside it (kolla-ansible's <c>lookup_cluster</c> has the same blind spot). A
    /// limited member that has the cluster means it exists: then nothing is formed, the others join, and nothing is refused.
    /// </summary>
    /// <param name="clusters">The clusters the run would form (<see cref="Find"/>) over the hosts it read.</param>
    /// <param name="outsideLimit">The members the limit leaves out, by container and cluster name (<see cref="DeploymentPlan.GaleraMembersOutsideLimit"/>).</param>
    /// <exception cref="PlanningException">A cluster would be formed from part of its members; names the container, the hosts left out and what to do.</exception>
    public static void RefuseUnderLimit(IReadOnlyList<NewGaleraCluster> clusters, IReadOnlyDictionary<(string Container, string? Cluster), IReadOnlyList<string>> outsideLimit)
    {
        var refused = clusters
            .Select(c => (Cluster: c, Outside: string.Join(", ", Outside(c))))
            .Where(r => r.Outside.Length > 0)
            .Select(r =>
            {
                var (c, outside) = r;
                return $"{c.Container}: --limit leaves out {outside}, where it runs too, and none of the hosts in the limit "
                    + $"({string.Join(", ", [c.BootstrapHost, .. c.Joiners])}) has the container or its data volume: this run would bootstrap a new "
                    + $"Galera cluster while {outside} may already run one. Nothing was changed; deploy without --limit, or include {outside} in it.";
            })
            .ToList();
        if (refused.Count > 0)
        {
            throw new PlanningException(string.Join("\n", refused));
        }

        // Members of the same cluster, or of one whose name could not be evaluated on them.
        IEnumerable<string> Outside(NewGaleraCluster c) =>
            outsideLimit.Where(o => o.Key.Container == c.Container && (o.Key.Cluster is null || o.Key.Cluster == c.ClusterName)).SelectMany(o => o.Value);
    }

    /// <summary>Whether a host has the cluster, from its observed state: the container exists, or its data volume does.</summary>
    /// <param name="state">The host's state.</param>
    /// <param name="container">The container's plan.</param>
    /// <returns>True when the host has the cluster.</returns>
    public static bool HasCluster(ObservedHostState state, ContainerPlan container) =>
        state.Containers.ContainsKey(container.Spec.Name) || (GaleraNode.DataVolume(container.Spec) is { } volume && state.Volumes.Contains(volume));

    /// <summary>
    /// The same, from the changes planned on the host (computed from its state): it has the cluster unless it creates both
    /// the container and its data volume. Changes without containers (<c>genconfig</c>) count as having it.
    /// </summary>
    /// <param name="changes">The host's changes.</param>
    /// <param name="container">The container's plan.</param>
    /// <returns>True when the host has the cluster.</returns>
    public static bool HasCluster(IReadOnlyList<HostChange> changes, ContainerPlan container) =>
        !changes.Any(c => c is CreateContainerChange && c.Container == container.Spec.Name)
        || (GaleraNode.DataVolume(container.Spec) is { } volume && !changes.Any(c => c is CreateVolumeChange v && v.Name == volume));

    /// <summary>A host's changes with the creation of each container it bootstraps a cluster with turned into the bootstrap.</summary>
    /// <param name="changes">The host's changes.</param>
    /// <param name="clusters">The clusters this host bootstraps.</param>
    /// <returns>The changes.</returns>
    public static IReadOnlyList<HostChange> Bootstrapping(IReadOnlyList<HostChange> changes, IReadOnlyList<NewGaleraCluster> clusters) =>
        clusters.Count == 0
            ? changes
            : [.. changes.Select(c => c is CreateContainerChange create && clusters.FirstOrDefault(k => k.Container == c.Container) is { } cluster
                ? new BootstrapClusterChange(create.Plan, cluster.Joiners)
                : c)];
}
