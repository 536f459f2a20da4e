namespace Kolla.Operations;

/// <summary>What <c>kolla mariadb_recovery</c> did.</summary>
/// <param name="BootstrapHost">The host the cluster was bootstrapped from.</param>
/// <param name="Positions">Every MariaDB host's position before the restart, in inventory order.</param>
/// <param name="ClusterSize">The cluster's size (<c>wsrep_cluster_size</c>) once every node synced.</param>
public sealed record MariaDbRecoveryResult(string BootstrapHost, IReadOnlyList<GaleraPosition> Positions, int ClusterSize);
