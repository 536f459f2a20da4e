using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>The desired state of a whole deployment: one <see cref="HostPlan"/> per selected host, in inventory order.</summary>
/// <param name="Hosts">Host plans.</param>
/// <param name="ServiceOrder">Services in deploy order (only those selected and placed somewhere).</param>
/// <param name="Secrets">Secret values (from passwords.yml), and the texts templates computed from them, that must never be printed.</param>
public sealed record DeploymentPlan(IReadOnlyList<HostPlan> Hosts, IReadOnlyList<string> ServiceOrder, IReadOnlyCollection<string> Secrets)
{
    /// <summary>
    /// The variables the plan was rendered with, for every inventory host (also those <see cref="PlanOptions.Limit"/>
    /// leaves out): <see cref="VariableContext.ForHost"/> gives a host's scope.
    /// </summary>
    public required VariableContext Variables { get; init; }

    /// <summary>Services <see cref="PlanOptions.Tags"/> and <see cref="PlanOptions.SkipTags"/> select, in deploy order, whether placed anywhere or not.</summary>
    public required IReadOnlyList<string> SelectedServices { get; init; }

    /// <summary>
    /// The hosts <see cref="PlanOptions.Limit"/> leaves out on which a Galera container (<see cref="ContainerPlan.GaleraCluster"/>)
    /// runs too, by container name and cluster name (<see cref="ContainerPlan.GaleraClusterName"/>; null where it could not
    /// be evaluated, which counts as any cluster); empty without a limit. A converge of the limited hosts refuses to form a new cluster
    /// while these members are not looked at (see <c>NewGaleraCluster.RefuseUnderLimit</c>).
    /// </summary>
    internal IReadOnlyDictionary<(string Container, string? Cluster), IReadOnlyList<string>> GaleraMembersOutsideLimit { get; init; } =
        new Dictionary<(string Container, string? Cluster), IReadOnlyList<string>>();
}
