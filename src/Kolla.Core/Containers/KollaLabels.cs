namespace Kolla.Containers;

/// <summary>The label names Kolla for .NET keeps on containers and volumes it manages.</summary>
/// <remarks>
/// kolla-ansible adds no labels of its own to containers (only its images carry <c>kolla_version</c>) and labels
/// volumes <c>kolla_managed=true</c>. Every label in the <see cref="Prefix"/> namespace is ours: the field comparison
/// used to adopt kolla-ansible containers ignores them.
/// </remarks>
public static class KollaLabels
{
    /// <summary>The namespace of Kolla for .NET's own labels.</summary>
    public const string Prefix = "kolla.";

    /// <summary>Canonical hash of the container spec the container was created from (<see cref="ContainerSpec.ComputeHash"/>).</summary>
    public const string SpecHash = "kolla.spec-hash";

    /// <summary>Hash of the container's host config directory (paths, modes, owners and bytes) when it was last (re)started.</summary>
    public const string ConfigHash = "kolla.config-hash";

    /// <summary>Marks a container as managed by Kolla for .NET; the value is <see cref="ManagedByValue"/>.</summary>
    public const string ManagedBy = "kolla.managed-by";

    /// <summary>The value of <see cref="ManagedBy"/>.</summary>
    public const string ManagedByValue = "kolla-dotnet";

    /// <summary>kolla-ansible's label on the named volumes it creates (value <c>true</c>); kept for compatibility.</summary>
    public const string VolumeManaged = "kolla_managed";

    /// <summary>True for labels in Kolla for .NET's own namespace.</summary>
    /// <param name="key">Label key.</param>
    /// <returns>True when <paramref name="key"/> starts with <see cref="Prefix"/>.</returns>
    public static bool IsKollaLabel(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
