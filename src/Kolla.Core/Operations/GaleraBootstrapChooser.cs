namespace Kolla.Operations;

/// <summary>Picks the node a stopped Galera cluster is bootstrapped from (pure).</summary>
/// <remarks>
/// As kolla-ansible's <c>recover_cluster</c> tasks: the node with the largest recovered sequence number, or the node the
/// operator names (kolla-ansible's <c>mariadb_recover_inventory_name</c>). Where kolla-ansible leaves a tie to whichever
/// host writes its name last, this prefers the node Galera marked <c>safe_to_bootstrap: 1</c>, then inventory order; and
/// it refuses, rather than guessing, when no node of several knows its position or the nodes belong to different clusters.
/// </remarks>
internal static class GaleraBootstrapChooser
{
    /// <summary>Chooses the bootstrap node.</summary>
    /// <param name="positions">Every node's position, in inventory order.</param>
    /// <param name="requested">The node the operator named, or null to choose.</param>
    /// <returns>The chosen node's position.</returns>
    /// <exception cref="MariaDbRecoveryException">The named node is not a MariaDB node, no node knows its position, or the positions belong to different clusters.</exception>
    public static GaleraPosition Choose(IReadOnlyList<GaleraPosition> positions, string? requested = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Count == 0)
        {
            throw new MariaDbRecoveryException("no MariaDB host to recover");
        }

        if (requested is not null)
        {
            return positions.FirstOrDefault(p => p.Host == requested)
                ?? throw new MariaDbRecoveryException(
                    $"--bootstrap-host {requested}: not a MariaDB host of the plan (MariaDB hosts: {string.Join(", ", positions.Select(p => p.Host))})");
        }

        if (positions.Count == 1)
        {
            return positions[0];
        }

        var known = positions.Where(p => p.IsKnown).ToList();
        var clusters = known.Where(p => p.ClusterUuid is not null).GroupBy(p => p.ClusterUuid, StringComparer.Ordinal).ToList();
        if (clusters.Count > 1)
        {
            throw new MariaDbRecoveryException(
                "the MariaDB hosts belong to different Galera clusters ("
                + string.Join("; ", clusters.Select(c => $"{c.Key}: {string.Join(", ", c.Select(p => p.Host))}"))
                + "); their positions cannot be compared: choose the host to bootstrap from with --bootstrap-host HOST");
        }

        if (known.Count == 0)
        {
            return positions.FirstOrDefault(p => p.SafeToBootstrap)
                ?? throw new MariaDbRecoveryException(
                    "no MariaDB host knows its Galera position (grastate.dat and --wsrep-recover gave seqno -1 on "
                    + string.Join(", ", positions.Select(p => p.Host))
                    + ") and none is marked safe_to_bootstrap: choose the host to bootstrap from with --bootstrap-host HOST");
        }

        var highest = known.Max(p => p.Seqno);
        var candidates = known.Where(p => p.Seqno == highest).ToList();
        return candidates.FirstOrDefault(p => p.SafeToBootstrap) ?? candidates[0];
    }
}
