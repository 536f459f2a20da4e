using Kolla.Converge;
namespace Kolla.Operations;

/// <summary>How <see cref="Upgrader"/> runs.</summary>
public sealed record UpgradeOptions
{
    /// <summary>Forks, <see cref="ConvergeOptions.Serial"/> (rolling batches for every service), health waits, continue-on-error.</summary>
    public ConvergeOptions Converge { get; init; } = new();

    /// <summary>
    /// Hosts that are always upgraded in batches (the compute hosts: their instances keep running elsewhere while a batch
    /// is upgraded). Each batch holds <see cref="ConvergeOptions.Serial"/> hosts, or one when no serial is set.
    /// </summary>
    public IReadOnlyCollection<string> RollingHosts { get; init; } = [];

    /// <summary>Hosts per batch of <see cref="RollingHosts"/>: <see cref="ConvergeOptions.Serial"/>, or one when no serial is set.</summary>
    public int RollingBatchSize => Converge.Serial ?? 1;

    /// <summary>Pull every planned image first, even when present, so a rebuilt tag is picked up. Default true.</summary>
    public bool PullImages { get; init; } = true;
}
