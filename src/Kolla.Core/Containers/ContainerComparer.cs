namespace Kolla.Containers;

/// <summary>Decides whether an existing container matches its desired spec.</summary>
/// <remarks>
/// <para>
/// Containers Kolla for .NET created carry <see cref="KollaLabels.SpecHash"/> and are compared by that hash
/// (<see cref="CompareByHash(ContainerSpec, ContainerState)"/>): one string compare, no guessing how the engine
/// spells a value. Containers created by kolla-ansible have no such label and are adopted by comparing the same
/// fields, in the same order and with the same normalisations, as kolla_container's <c>check_container_differs</c>
/// (<see cref="CompareFields"/>), so switching tools does not restart a cloud.
/// </para>
/// <para>Only the container definition is compared (kolla's group 1); the in-container config check and systemd unit
/// comparison are not part of it. Labels in the <see cref="KollaLabels.Prefix"/> namespace are ignored by the field
/// comparison.</para>
/// </remarks>
public static class ContainerComparer
{
    /// <summary>Compares by hash when the container carries the spec-hash label, else field by field.</summary>
    /// <param name="desired">The desired spec.</param>
    /// <param name="current">The existing container.</param>
    /// <param name="context">Image and time zone facts for the field comparison; null for <see cref="ContainerComparisonContext.Default"/>.</param>
    /// <returns>The differences; empty when the container matches.</returns>
    public static IReadOnlyList<ContainerDifference> Compare(ContainerSpec desired, ContainerState current, ContainerComparisonContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        return current.Labels.ContainsKey(KollaLabels.SpecHash)
            ? CompareByHash(desired, current)
            : CompareFields(desired, current, context);
    }

    /// <summary>Compares the spec's canonical hash with the container's <see cref="KollaLabels.SpecHash"/> label.</summary>
    /// <param name="desired">The desired spec.</param>
    /// <param name="current">The existing container.</param>
    /// <returns>Empty when the hashes are equal, else one <see cref="ContainerFields.SpecHash"/> difference.</returns>
    public static IReadOnlyList<ContainerDifference> CompareByHash(ContainerSpec desired, ContainerState current)
    {
        ArgumentNullException.ThrowIfNull(desired);
        return CompareByHash(desired.ComputeHash(), current);
    }

    /// <summary>Compares a precomputed spec hash with the container's <see cref="KollaLabels.SpecHash"/> label.</summary>
    /// <param name="desiredHash">The desired spec's <see cref="ContainerSpec.ComputeHash"/>.</param>
    /// <param name="current">The existing container.</param>
    /// <returns>Empty when the hashes are equal, else one <see cref="ContainerFields.SpecHash"/> difference.</returns>
    public static IReadOnlyList<ContainerDifference> CompareByHash(string desiredHash, ContainerState current)
    {
        ArgumentException.ThrowIfNullOrEmpty(desiredHash);
        ArgumentNullException.ThrowIfNull(current);
        current.Labels.TryGetValue(KollaLabels.SpecHash, out var currentHash);
        return string.Equals(currentHash, desiredHash, StringComparison.Ordinal)
            ? []
            : [new ContainerDifference(ContainerFields.SpecHash, currentHash, desiredHash)];
    }

    /// <summary>Compares field by field exactly as kolla_container's <c>check_container_differs</c> does.</summary>
    /// <param name="desired">The desired spec (after kolla's <c>common_options</c> merge).</param>
    /// <param name="current">The existing container as inspected.</param>
    /// <param name="context">The desired image as found locally and the host's time zone; null for <see cref="ContainerComparisonContext.Default"/>.</param>
    /// <returns>The differences in kolla's order; empty when the container matches.</returns>
    public static IReadOnlyList<ContainerDifference> CompareFields(ContainerSpec desired, ContainerState current, ContainerComparisonContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(current);
        context ??= ContainerComparisonContext.Default;
        var differences = new List<ContainerDifference>();
        void Add(ContainerDifference? difference)
        {
            if (difference is not null)
            {
                differences.Add(difference);
            }
        }

        Add(FieldRules.CapAdd(desired, current));
        Add(FieldRules.SecurityOpt(desired, current));
        Add(FieldRules.Image(desired, current, context.DesiredImage));
        Add(FieldRules.IpcMode(desired, current));
        Add(FieldRules.Labels(desired, current, context.DesiredImage));
        Add(FieldRules.Privileged(desired, current));
        Add(FieldRules.PidMode(desired, current));
        Add(FieldRules.CgroupnsMode(desired, current));
        Add(FieldRules.Tmpfs(desired, current));
        Add(FieldRules.Volumes(desired, current));
        Add(FieldRules.VolumesFrom(desired, current));
        Add(FieldRules.Environment(desired, current, context.TimeZone));
        Add(FieldRules.State(desired, current));
        Add(DimensionRules.Compare(desired.Dimensions, current.Dimensions));
        Add(FieldRules.Command(desired, current));
        Add(FieldRules.Healthcheck(desired, current));
        return differences;
    }
}
