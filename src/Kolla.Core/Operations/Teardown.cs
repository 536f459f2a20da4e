using Kolla.Changes;
using Kolla.Containers;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Operations;

/// <summary>
/// Stops or destroys a deployment's containers (<c>kolla stop</c>, <c>kolla destroy</c>): the containers of the plan
/// plus (unless <see cref="TeardownOptions.IncludeUnplanned"/> is off) any container labelled
/// <c>kolla.managed-by=kolla-dotnet</c>, in reverse deploy order.
/// </summary>
/// <remarks>
/// <para>Counterpart of kolla-ansible's <c>stop</c> and <c>destroy</c> actions. Destroy removes each container, then its
/// config directory under <c>node_config_directory</c> (and Kolla's record of the configuration it ran with), and only
/// with <see cref="TeardownOptions.IncludeVolumes"/> the named volumes those containers use. Nothing outside
/// <c>node_config_directory</c>'s per-container directories is deleted: <c>globals.yml</c>, <c>passwords.yml</c> and the
/// override tree stay.</para>
/// <para>Only what exists is acted on, so a second run changes nothing.</para>
/// </remarks>
internal sealed class Teardown
{
    private static readonly string[] s_activeStates = ["running", "restarting", "paused"];

    private readonly HostOperation<TeardownOptions> _operation;

    /// <summary>Creates a teardown.</summary>
    /// <param name="connector">How hosts are reached.</param>
    /// <param name="options">Stop or destroy, volumes, forks; null for a stop.</param>
    /// <param name="timeProvider">Clock for elapsed times; null for the system clock.</param>
    public Teardown(IHostConnector connector, TeardownOptions? options = null, TimeProvider? timeProvider = null)
    {
        _operation = new(connector, options ?? new TeardownOptions(), timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(_operation.Options.Forks, 1, nameof(options));
    }

    /// <summary>Reads every host and returns what the teardown would do, touching nothing.</summary>
    /// <param name="plan">The deployment.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One change set per host; an unreachable host has <see cref="HostChangeSet.Error"/> set.</returns>
    public Task<IReadOnlyList<HostChangeSet>> GetChangesAsync(DeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new HostFanOut(_operation.Connector, _operation.Options, _operation.Time).GetChangesAsync(
            plan,
            async (host, connection, token) =>
            {
                var (changes, _) = await ReadChangesAsync(host, connection, token).ConfigureAwait(false);
                return new HostChangeSet(host.Host, changes, new Dictionary<string, byte[]>());
            },
            cancellationToken);
    }

    /// <summary>Stops or destroys the deployment's containers on every host.</summary>
    /// <param name="plan">The deployment.</param>
    /// <param name="progress">Receives one <see cref="ChangeAppliedEvent"/> per container stopped or removed, directory and volume removed.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The recap: <c>ok</c> counts containers already stopped (stop), <c>changed</c> the changes made.</returns>
    public Task<DeployResult> ApplyAsync(DeploymentPlan plan, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new HostFanOut(_operation.Connector, _operation.Options, _operation.Time).RunEachAsync(plan, progress, async (session, connection, token) =>
        {
            var (changes, alreadyStopped) = await ReadChangesAsync(session.Plan, connection, token).ConfigureAwait(false);
            foreach (var container in alreadyStopped)
            {
                session.AlreadyOk(container);
            }

            foreach (var change in changes)
            {
                await session.ApplyAsync(change, () => ApplyAsync(connection, change, token)).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// The changes for one host from its observed state (pure): containers to stop or remove in reverse deploy order,
    /// then (destroy) config directories, then (destroy with volumes) named volumes.
    /// </summary>
    /// <param name="host">The host's plan.</param>
    /// <param name="containers">Every container on the host.</param>
    /// <param name="files">Files under <see cref="HostPlan.NodeConfigDirectory"/>, by absolute path.</param>
    /// <param name="volumes">Named volumes on the host.</param>
    /// <param name="options">Stop or destroy, volumes.</param>
    /// <returns>The changes, in the order they run.</returns>
    public static IReadOnlyList<HostChange> ChangesFor(
        HostPlan host,
        IReadOnlyList<ContainerState> containers,
        IReadOnlyDictionary<string, HostFileState> files,
        IReadOnlyCollection<string> volumes,
        TeardownOptions options)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(containers);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(volumes);
        ArgumentNullException.ThrowIfNull(options);
        return Compute(host, containers, files, volumes, options).Changes;
    }

    private static (List<HostChange> Changes, List<string> AlreadyStopped) Compute(
        HostPlan host,
        IReadOnlyList<ContainerState> containers,
        IReadOnlyDictionary<string, HostFileState> files,
        IReadOnlyCollection<string> volumes,
        TeardownOptions options)
    {
        var observed = containers.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var planned = host.Containers.Select(c => c.Spec.Name).ToHashSet(StringComparer.Ordinal);
        var targets = host.Containers.AsEnumerable().Reverse()
            .Where(c => observed.ContainsKey(c.Spec.Name))
            .Select(c => (observed[c.Spec.Name], TimeSpan.FromSeconds(c.Spec.GracefulTimeoutSeconds)))
            .Concat(containers
                .Where(c => options.IncludeUnplanned && !planned.Contains(c.Name)
                    && c.Labels.GetValueOrDefault(KollaLabels.ManagedBy) == KollaLabels.ManagedByValue)
                .OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => (c, options.DefaultStopTimeout)))
            .ToList();

        var changes = new List<HostChange>();
        var alreadyStopped = new List<string>();
        if (options.Kind == TeardownKind.Stop)
        {
            foreach (var (state, timeout) in targets)
            {
                if (s_activeStates.Contains(state.Status, StringComparer.Ordinal))
                {
                    changes.Add(new StopContainerChange(state.Name, timeout));
                }
                else
                {
                    alreadyStopped.Add(state.Name);
                }
            }

            return (changes, alreadyStopped);
        }

        changes.AddRange(targets.Select(t => new RemoveContainerChange(t.Item1.Name, t.Item2)));
        var root = host.NodeConfigDirectory.TrimEnd('/');
        if (root.Length > 0)
        {
            var directories = new List<(string Container, string Path)>();
            directories.AddRange(host.Containers.AsEnumerable().Reverse().Select(c => (c.Spec.Name, c.ConfigDirectory)));
            directories.AddRange(targets.Where(t => !planned.Contains(t.Item1.Name)).SelectMany(t => ConfigDirectoriesOf(t.Item1, root).Select(d => (t.Item1.Name, d))));
            var removed = targets.Select(t => t.Item1.Name).Concat(planned);
            directories.AddRange(removed.Select(name => (name, ObservedHostState.StateDirectory(root, name))));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (container, path) in directories)
            {
                var directory = path.TrimEnd('/');
                if (IsStrictlyBelow(directory, root) && seen.Add(directory) && files.Keys.Any(f => f.StartsWith(directory + "/", StringComparison.Ordinal)))
                {
                    changes.Add(new RemoveDirectoryChange(container, directory));
                }
            }
        }

        if (options.IncludeVolumes)
        {
            var present = volumes.ToHashSet(StringComparer.Ordinal);
            var wanted = host.Volumes
                .Concat(targets.SelectMany(t => t.Item1.Binds).Select(b => b.Split(':')[0]).Where(s => s.Length > 0 && !s.Contains('/', StringComparison.Ordinal)))
                .Where(present.Contains)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            changes.AddRange(wanted.Select(v => new RemoveVolumeChange(v)));
        }

        return (changes, alreadyStopped);
    }

    /// <summary>The config directory a container found by label mounts from the host (<c>&lt;root&gt;/&lt;name&gt;/</c>, one level down).</summary>
    private static IEnumerable<string> ConfigDirectoriesOf(ContainerState container, string root) =>
        container.Binds
            .Select(b => b.Split(':'))
            .Where(parts => parts.Length >= 2 && parts[1].TrimEnd('/') == "/var/lib/kolla/config_files")
            .Select(parts => parts[0].TrimEnd('/'))
            .Where(source => IsStrictlyBelow(source, root) && !source[(root.Length + 1)..].Contains('/', StringComparison.Ordinal));

    private static bool IsStrictlyBelow(string path, string root) =>
        path.Length > root.Length + 1
        && path.StartsWith(root + "/", StringComparison.Ordinal)
        && !path.Contains("/../", StringComparison.Ordinal)
        && !path.EndsWith("/..", StringComparison.Ordinal);

    private async Task<(List<HostChange> Changes, List<string> AlreadyStopped)> ReadChangesAsync(HostPlan host, IHostConnection connection, CancellationToken cancellationToken)
    {
        var containers = connection.Containers.ListAsync(cancellationToken);
        var files = _operation.Options.Kind == TeardownKind.Destroy && host.NodeConfigDirectory.TrimEnd('/').Length > 0
            ? connection.Files.ReadTreeStateAsync(host.NodeConfigDirectory, cancellationToken)
            : Task.FromResult<IReadOnlyDictionary<string, HostFileState>>(new Dictionary<string, HostFileState>());
        var volumes = _operation.Options.IncludeVolumes
            ? connection.Containers.ListVolumesAsync(cancellationToken)
            : Task.FromResult<IReadOnlyList<string>>([]);
        await Task.WhenAll(containers, files, volumes).ConfigureAwait(false);
        return Compute(host, await containers.ConfigureAwait(false), await files.ConfigureAwait(false), await volumes.ConfigureAwait(false), _operation.Options);
    }

    private static async Task ApplyAsync(IHostConnection connection, HostChange change, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case StopContainerChange stop:
                await connection.Containers.StopAsync(stop.Container, stop.Timeout, cancellationToken).ConfigureAwait(false);
                break;
            case RemoveContainerChange remove:
                await connection.Containers.StopAsync(remove.Container, remove.Timeout, cancellationToken).ConfigureAwait(false);
                await connection.Containers.RemoveAsync(remove.Container, cancellationToken).ConfigureAwait(false);
                break;
            case RemoveDirectoryChange directory:
                await connection.Files.DeleteTreeAsync(directory.Path, cancellationToken).ConfigureAwait(false);
                break;
            case RemoveVolumeChange volume:
                await connection.Containers.RemoveVolumeAsync(volume.Name, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new System.Diagnostics.UnreachableException($"teardown does not apply {change.GetType().Name}");
        }
    }
}
