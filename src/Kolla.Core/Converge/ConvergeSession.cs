using Kolla.Changes;
using Kolla.Planning;

namespace Kolla.Converge;

/// <summary>One host during a converge: its observed state and what the converge did there so far.</summary>
internal sealed class ConvergeSession(HostPlan plan, IProgress<DeployEvent>? progress, TimeProvider time) : HostSession(plan, progress, time)
{
    /// <summary>Computes the host's changes from the state read when it connected.</summary>
    public ChangeCalculator? Calculator { get; set; }

    /// <summary>Config directories already created in this run.</summary>
    public HashSet<string> Directories { get; } = new(StringComparer.Ordinal);

    /// <summary>Containers created or recreated in this run (their label holds their config hash).</summary>
    public HashSet<string> Labelled { get; } = new(StringComparer.Ordinal);

    /// <summary>Containers that needed a change.</summary>
    public int Touched { get; set; }

    /// <summary>Containers (re)started in this run, in order, with when each start returned (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public List<(ContainerPlan Container, long StartedAt)> Started { get; } = [];

    /// <summary>The new Galera clusters this host starts (<see cref="BootstrapClusterChange"/>) and later rejoins as a member.</summary>
    public List<NewGaleraCluster> Bootstraps { get; } = [];

    /// <summary>Containers that join a new Galera cluster here: after their start the converge waits until they are synced.</summary>
    public HashSet<string> Joining { get; } = new(StringComparer.Ordinal);

    /// <summary>Restarts held back (restart policy spec-change-only).</summary>
    public int Held { get; set; }

    /// <summary>Changed leaves out the recorded configurations and held restarts; skipped counts containers not reached and held restarts.</summary>
    public override HostResult Recap() => new(
        Host,
        Ok,
        Changes.Count(c => c is not RecordConfigChange and not HeldRestartChange),
        Error is null ? 0 : 1,
        Plan.Containers.Count - Ok - Touched + Held,
        Error);

    /// <summary>Every change but the recorded configurations.</summary>
    public override IReadOnlyList<HostChange> Applied() => Changes.Where(c => c is not RecordConfigChange).ToList();
}
