namespace Kolla.Operations;

/// <summary>What <see cref="Teardown"/> does to a deployment's containers.</summary>
public enum TeardownKind
{
    /// <summary>Stop every Kolla container; nothing is removed (kolla-ansible's <c>stop</c>).</summary>
    Stop,

    /// <summary>
    /// Remove every Kolla container and its config directory, and with <see cref="TeardownOptions.IncludeVolumes"/> its
    /// named volumes (kolla-ansible's <c>destroy</c>).
    /// </summary>
    Destroy,
}
