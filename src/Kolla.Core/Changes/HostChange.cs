using Kolla.Containers;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Changes;

/// <summary>One action the converge engine takes (or, in a plan, would take) on a host. A closed set.</summary>
/// <remarks>Counterpart of the tasks and handlers kolla-ansible reports as "changed".</remarks>
public abstract record HostChange
{
    private protected HostChange(string container)
    {
        Container = container;
    }

    /// <summary>The container the change belongs to, or empty for host-level changes.</summary>
    public string Container { get; }

    /// <summary>True when the change interrupts a running service (restart, recreate, file removal).</summary>
    public virtual bool Disruptive => false;

    /// <summary>One line saying what and why; never holds a secret.</summary>
    public abstract string Describe();
}

/// <summary>Write a config file (new or changed content or mode).</summary>
/// <param name="Container">Owning container.</param>
/// <param name="File">Desired file.</param>
/// <param name="Current">What the host has now, or null when the file is new.</param>
public sealed record WriteFileChange(string Container, PlannedFile File, HostFileState? Current) : HostChange(Container)
{
    /// <inheritdoc/>
    public override string Describe() => Current is null
        ? $"create {File.Path}"
        : Current.Sha256 == File.Sha256
            ? $"chmod {Convert.ToString(File.Mode, 8)} {File.Path}"
            : $"update {File.Path}";
}

/// <summary>Delete a file no longer produced (for example a removed override).</summary>
/// <param name="Container">Owning container.</param>
/// <param name="Path">File to delete.</param>
public sealed record DeleteFileChange(string Container, string Path) : HostChange(Container)
{
    /// <inheritdoc/>
    public override bool Disruptive => true;

    /// <inheritdoc/>
    public override string Describe() => $"delete {Path} (no longer generated)";
}

/// <summary>Create a named volume.</summary>
/// <param name="Name">Volume name.</param>
internal sealed record CreateVolumeChange(string Name) : HostChange("")
{
    /// <inheritdoc/>
    public override string Describe() => $"create volume {Name}";
}

/// <summary>Pull an image that is not present.</summary>
/// <param name="Image">Image reference.</param>
internal sealed record PullImageChange(string Image) : HostChange("")
{
    /// <inheritdoc/>
    public override string Describe() => $"pull image {Image}";
}

/// <summary>Run a one-shot bootstrap job.</summary>
/// <param name="Container">Container the job prepares.</param>
/// <param name="Job">The job.</param>
internal sealed record RunBootstrapChange(string Container, BootstrapPlan Job) : HostChange(Container)
{
    /// <inheritdoc/>
    public override string Describe() => $"run one-shot {Job.Spec.Name}";
}

/// <summary>Tell a running container to reload (SIGHUP to its init process) because a one-shot job ran on some host.</summary>
/// <param name="Plan">The container's plan.</param>
/// <param name="Job">The one-shot job that ran (<c>create_cell_nova</c>).</param>
internal sealed record ReloadContainerChange(ContainerPlan Plan, string Job) : HostChange(Plan.Spec.Name)
{
    /// <inheritdoc/>
    public override string Describe() => $"reload container {Plan.Spec.Name} (SIGHUP after one-shot {Job})";
}

/// <summary>
/// Create and start the first node of a new Galera cluster, once, with <c>BOOTSTRAP_ARGS=--wsrep-new-cluster</c>, and wait
/// until it is synced; it replaces the node's <see cref="CreateContainerChange"/>. The other hosts then join one at a time
/// and <see cref="RejoinClusterChange"/> restarts this node as an ordinary member.
/// </summary>
/// <param name="Plan">The container's plan.</param>
/// <param name="Joiners">The hosts that join the cluster, in order.</param>
internal sealed record BootstrapClusterChange(ContainerPlan Plan, IReadOnlyList<string> Joiners) : HostChange(Plan.Spec.Name)
{
    /// <inheritdoc/>
    public override string Describe() =>
        $"bootstrap galera cluster: create container {Plan.Spec.Name} with --wsrep-new-cluster, then {string.Join(", ", Joiners)} join one at a time";
}

/// <summary>Restart a new Galera cluster's first node as an ordinary member (its planned container), once the others joined.</summary>
/// <param name="Plan">The container's plan.</param>
/// <param name="Joiners">The hosts that joined the cluster.</param>
internal sealed record RejoinClusterChange(ContainerPlan Plan, IReadOnlyList<string> Joiners) : HostChange(Plan.Spec.Name)
{
    /// <inheritdoc/>
    public override string Describe() =>
        $"recreate container {Plan.Spec.Name} without --wsrep-new-cluster once {string.Join(", ", Joiners)} joined (it rejoins the cluster as a member)";
}

/// <summary>Create and start a container that does not exist.</summary>
/// <param name="Plan">The container's plan.</param>
internal sealed record CreateContainerChange(ContainerPlan Plan) : HostChange(Plan.Spec.Name)
{
    /// <inheritdoc/>
    public override string Describe() => $"create container {Plan.Spec.Name}";
}

/// <summary>Stop, remove and create a container whose spec differs.</summary>
/// <param name="Plan">The container's plan.</param>
/// <param name="Differences">Fields that differ.</param>
public sealed record RecreateContainerChange(ContainerPlan Plan, IReadOnlyList<ContainerDifference> Differences) : HostChange(Plan.Spec.Name)
{
    /// <inheritdoc/>
    public override bool Disruptive => true;

    /// <inheritdoc/>
    public override string Describe() => $"recreate container {Plan.Spec.Name} ({string.Join(", ", Differences.Select(d => d.Field).Distinct())} changed)";
}

/// <summary>Restart a container whose configuration changed.</summary>
/// <param name="Plan">The container's plan.</param>
/// <param name="Reason">Why.</param>
public sealed record RestartContainerChange(ContainerPlan Plan, string Reason) : HostChange(Plan.Spec.Name)
{
    /// <inheritdoc/>
    public override bool Disruptive => true;

    /// <inheritdoc/>
    public override string Describe() => $"restart container {Plan.Spec.Name} ({Reason})";
}

/// <summary>Start a container that exists but is not running.</summary>
/// <param name="Plan">The container's plan.</param>
internal sealed record StartContainerChange(ContainerPlan Plan) : HostChange(Plan.Spec.Name)
{
    /// <inheritdoc/>
    public override string Describe() => $"start container {Plan.Spec.Name} (it is not running)";
}

/// <summary>A restart the catalogue forbids for config-only changes (nova_libvirt: a restart kills running VMs).</summary>
/// <param name="Plan">The container's plan.</param>
public sealed record HeldRestartChange(ContainerPlan Plan) : HostChange(Plan.Spec.Name)
{
    /// <inheritdoc/>
    public override string Describe() => $"config of {Plan.Spec.Name} changed; NOT restarting it (restart policy spec-change-only: a restart would kill its workloads)";
}

/// <summary>Record which configuration the running container was started with (bookkeeping on the host).</summary>
/// <param name="Plan">The container's plan.</param>
internal sealed record RecordConfigChange(ContainerPlan Plan) : HostChange(Plan.Spec.Name)
{
    /// <inheritdoc/>
    public override string Describe() => $"record config {Plan.ConfigHash[..12]} of {Plan.Spec.Name}";
}
