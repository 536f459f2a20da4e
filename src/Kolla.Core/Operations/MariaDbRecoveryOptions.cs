namespace Kolla.Operations;

/// <summary>How <c>kolla mariadb_recovery</c> runs.</summary>
public sealed record MariaDbRecoveryOptions
{
    /// <summary>
    /// The host to bootstrap the cluster from, instead of the one with the most advanced position (kolla-ansible's
    /// <c>mariadb_recover_inventory_name</c>). Default null: choose.
    /// </summary>
    public string? BootstrapHost { get; init; }

    /// <summary>How long each node may take to answer and reach <c>Synced</c> after it starts. Default 300 s (kolla-ansible waits 30 × 10 s for each joiner).</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>How long the <c>--wsrep-recover</c> run may take on each node. Default 300 s.</summary>
    public TimeSpan RecoverTimeout { get; init; } = TimeSpan.FromSeconds(300);
}
