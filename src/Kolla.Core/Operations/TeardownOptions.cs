using Kolla.Converge;

namespace Kolla.Operations;

/// <summary>How <see cref="Teardown"/> runs.</summary>
public sealed record TeardownOptions : HostOperationOptions
{
    /// <summary>Stop or destroy. Default <see cref="TeardownKind.Stop"/>.</summary>
    public TeardownKind Kind { get; init; } = TeardownKind.Stop;

    /// <summary>With <see cref="TeardownKind.Destroy"/>: also remove the named volumes (databases, logs). Default false.</summary>
    public bool IncludeVolumes { get; init; }

    /// <summary>
    /// Also stop or remove containers labelled <c>kolla.managed-by</c> that the plan does not describe (leftovers of
    /// services since removed from the deployment). Default true; the CLI turns it off when the deployment is narrowed
    /// with <c>--tags</c> or <c>--skip-tags</c>, so <c>kolla destroy --tags keystone</c> touches keystone's containers only.
    /// </summary>
    public bool IncludeUnplanned { get; init; } = true;

    /// <summary>Stop timeout for containers the plan does not describe (found by their <c>kolla.managed-by</c> label). Default 60 s.</summary>
    public TimeSpan DefaultStopTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
