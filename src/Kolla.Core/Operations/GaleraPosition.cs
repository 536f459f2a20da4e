namespace Kolla.Operations;

/// <summary>Where one MariaDB Galera node stopped, as <c>kolla mariadb_recovery</c> read it.</summary>
/// <param name="Host">Inventory name.</param>
/// <param name="ClusterUuid">The Galera cluster (state) UUID the position belongs to; null when the node had none.</param>
/// <param name="Seqno">The last committed write-set; -1 when unknown (an empty node, or a crash with no recoverable position).</param>
/// <param name="SafeToBootstrap">Whether <c>grastate.dat</c> says <c>safe_to_bootstrap: 1</c> (the node that stopped last, cleanly).</param>
/// <param name="HasStateFile">Whether the node has a <c>grastate.dat</c> at all.</param>
public sealed record GaleraPosition(string Host, string? ClusterUuid, long Seqno, bool SafeToBootstrap, bool HasStateFile)
{
    /// <summary>True when the position is known (<see cref="Seqno"/> is not -1).</summary>
    public bool IsKnown => Seqno >= 0;
}
