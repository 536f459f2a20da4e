using Kolla.Changes;
namespace Kolla.Converge;

/// <summary>The outcome of a converge run.</summary>
/// <param name="Hosts">Per-host recap in inventory order.</param>
/// <param name="Changes">Every change applied, per host, in order.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record DeployResult(IReadOnlyList<HostResult> Hosts, IReadOnlyDictionary<string, IReadOnlyList<HostChange>> Changes, TimeSpan Elapsed)
{
    /// <summary>True when no host failed.</summary>
    public bool Succeeded => Hosts.All(h => h.Failed == 0);

    /// <summary>True when anything changed.</summary>
    public bool HasChanges => Hosts.Any(h => h.Changed > 0);
}
