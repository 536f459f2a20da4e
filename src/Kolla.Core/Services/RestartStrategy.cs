namespace Kolla.Services;

/// <summary>How a service's containers may be restarted when they must be.</summary>
public enum RestartStrategy
{
    /// <summary>All hosts at once (most OpenStack services).</summary>
    Parallel,

    /// <summary>One host at a time, waiting for health before the next (clustered MariaDB, RabbitMQ).</summary>
    Serial,

    /// <summary>Never restarted for a configuration change alone; recreated only when its own spec changes (nova_libvirt: a restart kills running VMs).</summary>
    SpecChangeOnly,
}
