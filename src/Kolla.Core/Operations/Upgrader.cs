using Kolla.Changes;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Operations;

/// <summary>
/// Upgrades a deployment to new images (<c>kolla upgrade</c>): pulls every planned image, then converges service by
/// service, rolling by <see cref="ConvergeOptions.Serial"/>, with the compute hosts one batch at a time.
/// </summary>
/// <remarks>
/// <para>Counterpart of kolla-ansible's <c>upgrade</c> action. A container whose image changed is recreated, and its
/// service's one-shot jobs (database sync and similar) run first, from the new image, through the same machinery as a
/// deploy (<see cref="ChangeCalculator"/> schedules bootstraps when the image differs). Containers whose restart policy is
/// <see cref="Services.RestartStrategy.SpecChangeOnly"/> (<c>nova_libvirt</c>) are recreated only when their own spec
/// (image included) changed, never for a configuration change alone.</para>
/// <para>Pulling first means a moved tag (same name, rebuilt image) is seen as a new image.</para>
/// </remarks>
internal sealed class Upgrader
{
    private readonly HostOperation<UpgradeOptions> _operation;

    /// <summary>Creates an upgrader.</summary>
    /// <param name="connector">How hosts are reached.</param>
    /// <param name="options">Rolling batches, rolling hosts, pull first; null for defaults.</param>
    /// <param name="timeProvider">Clock; null for the system clock.</param>
    public Upgrader(IHostConnector connector, UpgradeOptions? options = null, TimeProvider? timeProvider = null)
    {
        _operation = new(connector, options ?? new UpgradeOptions(), timeProvider);
    }

    /// <summary>The converge options the upgrade runs with (rolling hosts batched by serial, else one at a time).</summary>
    public ConvergeOptions ConvergeOptions => _operation.Options.Converge with
    {
        RollingHosts = _operation.Options.RollingHosts.ToHashSet(StringComparer.Ordinal),
        RollingBatchSize = _operation.Options.RollingBatchSize,
    };

    /// <summary>Pulls the new images, then converges every host to the plan.</summary>
    /// <param name="plan">The plan, made with the new release's globals (new <c>openstack_tag</c> or images).</param>
    /// <param name="progress">Receives pull and converge events.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The combined recap of pull and converge.</returns>
    public async Task<DeployResult> ApplyAsync(DeploymentPlan plan, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var started = _operation.Time.GetTimestamp();
        var converge = ConvergeOptions;
        DeployResult? pulled = null;
        if (_operation.Options.PullImages)
        {
            var pull = new PullOptions { Forks = converge.Forks, ContinueOnError = converge.ContinueOnError };
            pulled = await new ImagePuller(_operation.Connector, pull, _operation.Time).PullAsync(plan, progress, cancellationToken).ConfigureAwait(false);
            if (!pulled.Succeeded && !converge.ContinueOnError)
            {
                return pulled;
            }
        }

        var failedPulls = pulled?.Hosts.Where(h => h.Failed > 0).Select(h => h.Host).ToHashSet(StringComparer.Ordinal) ?? [];
        var remaining = failedPulls.Count == 0 ? plan : plan with { Hosts = plan.Hosts.Where(h => !failedPulls.Contains(h.Host)).ToList() };
        var converged = await new Converger(_operation.Connector, converge, _operation.Time).ApplyAsync(remaining, progress, cancellationToken).ConfigureAwait(false);
        return Combine(plan, pulled, converged, _operation.Time.GetElapsedTime(started));
    }

    private static DeployResult Combine(DeploymentPlan plan, DeployResult? pulled, DeployResult converged, TimeSpan elapsed)
    {
        var hosts = new List<HostResult>();
        var changes = new Dictionary<string, IReadOnlyList<HostChange>>(StringComparer.Ordinal);
        foreach (var host in plan.Hosts.Select(h => h.Host))
        {
            var pull = pulled?.Hosts.FirstOrDefault(h => h.Host == host);
            var run = converged.Hosts.FirstOrDefault(h => h.Host == host);
            hosts.Add(new HostResult(
                host,
                run?.Ok ?? 0,
                (pull?.Changed ?? 0) + (run?.Changed ?? 0),
                Math.Max(pull?.Failed ?? 0, run?.Failed ?? 0),
                run?.Skipped ?? 0,
                pull?.Error ?? run?.Error));
            changes[host] = [.. (pulled?.Changes.GetValueOrDefault(host) ?? []), .. (converged.Changes.GetValueOrDefault(host) ?? [])];
        }

        return new DeployResult(hosts, changes, elapsed);
    }
}
