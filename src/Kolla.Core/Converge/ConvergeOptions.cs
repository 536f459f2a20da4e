namespace Kolla.Converge;

/// <summary>How a plan is applied (<see cref="Converger"/>: <c>kolla deploy</c>, <c>deploy-containers</c>, <c>genconfig</c>).</summary>
public sealed record ConvergeOptions : HostOperationOptions
{
    /// <summary>Rolling batches: at most this many hosts per service at a time (Ansible's <c>serial</c>); null = no limit beyond <see cref="HostOperationOptions.Forks"/>.</summary>
    public int? Serial { get; init; }

    /// <summary>How long to wait for a container with a health check to become healthy.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often to poll health.</summary>
    public TimeSpan HealthPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a container (re)started by the run is watched before the run may end: once every service of a host is
    /// done, the host waits until this long has passed since its last start, then fails when a container it started has
    /// stopped, restarted or turned unhealthy. A run that starts nothing waits nothing. Zero: check at once. Default 3 s.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a bootstrap one-shot may run before it is removed and the host fails; null (default): each job's own <c>timeout</c> (30 min unless its service sets one).</summary>
    public TimeSpan? BootstrapTimeout { get; init; }

    /// <summary>Only files (kolla-ansible's <c>genconfig</c>): no volumes, images or containers.</summary>
    public bool FilesOnly { get; init; }

    /// <summary>Only containers (kolla-ansible's <c>deploy-containers</c>): files are compared but not written.</summary>
    public bool ContainersOnly { get; init; }

    /// <summary>
    /// Hosts converged in rolling batches of at most <see cref="RollingBatchSize"/> per service, after the service's other
    /// hosts (<c>kolla upgrade</c> passes the compute hosts, so running instances never lose every hypervisor at once).
    /// Null or empty: every host is batched by <see cref="Serial"/> alone.
    /// </summary>
    public IReadOnlySet<string>? RollingHosts { get; init; }

    /// <summary>Batch size for <see cref="RollingHosts"/> (never more than <see cref="Serial"/> when that is set). Default 1.</summary>
    public int RollingBatchSize { get; init; } = 1;
}
