using Kolla.Inventory;

namespace Kolla.Planning;

/// <summary>Everything one host should have: directories, files, volumes, images and containers, in converge order.</summary>
/// <param name="Host">Inventory name.</param>
/// <param name="Target">How to reach it.</param>
/// <param name="NodeConfigDirectory">Where the per-container config directories live (<c>node_config_directory</c>).</param>
/// <param name="Containers">Containers in deploy order (services in dependency order, containers in definition order).</param>
public sealed record HostPlan(string Host, HostTarget Target, string NodeConfigDirectory, IReadOnlyList<ContainerPlan> Containers)
{
    /// <summary>Named volumes the containers use, sorted.</summary>
    public IReadOnlyList<string> Volumes { get; } = Containers
        .SelectMany(c => c.Spec.Volumes.Concat(c.Bootstraps.SelectMany(b => b.Spec.Volumes)))
        .Select(v => v.Split(':')[0])
        .Where(source => source.Length > 0 && !source.Contains('/', StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// Whether the host runs nothing (kolla-ansible's deployment host): no container is placed on it and its engine is
    /// not needed, so no executor contacts it.
    /// </summary>
    public bool RunsNothing => !Target.NeedsContainerEngine && Containers.Count == 0;

    /// <summary>Images the containers use, sorted.</summary>
    public IReadOnlyList<string> Images { get; } = Containers.Select(c => c.Spec.Image).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
