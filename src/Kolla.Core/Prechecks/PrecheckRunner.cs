using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Prechecks;

/// <summary>
/// Checks a deployment before anything changes (<c>kolla prechecks</c>): addresses and the VIP in the variables, a sane
/// inventory, complete passwords, settings the catalogue does not implement, a reachable and recent enough Docker engine
/// on every host, and free ports on local hosts. Returns a <see cref="PrecheckReport"/>; nothing is thrown for a failed check.
/// </summary>
/// <remarks>
/// Counterpart of kolla-ansible's <c>prechecks</c> action (its per-role <c>precheck.yml</c> tasks). Each concern is one
/// check, run on the plan's own variables and selection of hosts and services; what is specific to a service (the ports
/// its containers listen on) is declared in the catalogue. Interfaces are checked against each host's gathered facts
/// (<see cref="DeploymentInputs.Facts"/>): every interface in use exists and is up, the api interface has an address, and
/// with HAProxy the VIP is none of the hosts' own addresses.
/// </remarks>
internal sealed class PrecheckRunner
{
    /// <summary>The checks that need no host, in report order.</summary>
    private static readonly IReadOnlyList<IPrecheck> s_inputChecks =
        [new VipPrecheck(), new HostAddressesPrecheck(), new InventoryPrecheck(), new PasswordsPrecheck(), new UnimplementedPrecheck()];

    /// <summary>The checks of each host that runs containers, in report order.</summary>
    private static readonly IReadOnlyList<IHostPrecheck> s_hostChecks = [new EnginePrecheck(), new PortsPrecheck()];

    private readonly IHostConnector _connector;
    private readonly PrecheckOptions _options;

    /// <summary>Creates the prechecks.</summary>
    /// <param name="connector">How hosts are reached (the dry-run connector skips the engine checks).</param>
    /// <param name="options">Minimum API version, local port reader, forks; null for defaults.</param>
    public PrecheckRunner(IHostConnector connector, PrecheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connector);
        _connector = connector;
        _options = options ?? new PrecheckOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Forks, 1, nameof(options));
    }

    /// <summary>
    /// Plans the deployment and runs every check. A plan that cannot be made (an undefined variable, a group a template
    /// needs) is reported as a failed <c>plan</c> check next to the input checks, so the cause is shown with it.
    /// </summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="planOptions">Limit, tags and precedence for the plan; null for everything.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The findings.</returns>
    public async Task<PrecheckReport> RunAsync(DeploymentInputs inputs, PlanOptions? planOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        DeploymentPlan plan;
        try
        {
            plan = DeploymentPlanner.Plan(inputs, planOptions);
        }
        catch (KollaException e)
        {
            return CheckInputs(inputs, null, _options, planOptions).Concat(new PrecheckReport([new(PrecheckNames.Plan, PrecheckStatus.Failed, e.Message)]));
        }

        return await RunAsync(inputs, plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs every check: first those of the inputs (<see cref="CheckInputs"/>), then those of each host that runs containers.</summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="plan">The plan made from them (its variables, hosts and services are the ones checked).</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The findings.</returns>
    public async Task<PrecheckReport> RunAsync(DeploymentInputs inputs, DeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(plan);
        var report = CheckInputs(inputs, plan, _options);
        var hosts = plan.Hosts.Where(h => h.Containers.Count > 0).ToList();
        var perHost = new IReadOnlyList<PrecheckResult>[hosts.Count];
        await HostFanOut.ForEachAsync(
            Enumerable.Range(0, hosts.Count),
            _options.Forks,
            async (i, token) => perHost[i] = await CheckHostAsync(inputs, plan, hosts[i], token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return report.Concat(new PrecheckReport([.. perHost.SelectMany(r => r)]));
    }

    /// <summary>The checks that need no host: addresses and VIP, inventory, passwords, unimplemented settings (pure).</summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="plan">
    /// The plan made from them, whose variables, hosts and selected services are checked; or null when none could be made
    /// (then every inventory host in a group a catalogue container runs on, and the services <paramref name="planOptions"/> selects).
    /// </param>
    /// <param name="options">Options; null for defaults.</param>
    /// <param name="planOptions">Without a plan, the services selected (<c>--tags</c>, <c>--skip-tags</c>); null for every service. Ignored with a plan.</param>
    /// <returns>The findings.</returns>
    public static PrecheckReport CheckInputs(DeploymentInputs inputs, DeploymentPlan? plan = null, PrecheckOptions? options = null, PlanOptions? planOptions = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var context = PrecheckContext.Create(inputs, plan, options ?? new PrecheckOptions(), planOptions);
        return new PrecheckReport([.. s_inputChecks.SelectMany(c => c.Check(context))]);
    }

    /// <summary>Connects to the host and runs its checks in order; a host that cannot be reached, or a check that throws, is a failed <c>docker</c> check.</summary>
    private async Task<IReadOnlyList<PrecheckResult>> CheckHostAsync(DeploymentInputs inputs, DeploymentPlan plan, HostPlan host, CancellationToken cancellationToken)
    {
        var results = new List<PrecheckResult>();
        IHostConnection connection;
        try
        {
            connection = await _connector.ConnectAsync(host.Target, cancellationToken).ConfigureAwait(false);
        }
        catch (KollaException e)
        {
            results.Add(new(PrecheckNames.Docker, PrecheckStatus.Failed, $"{host.Host}: cannot reach the host and its Docker engine: {WithoutHost(e.Message, host.Host)}", host.Host));
            return results;
        }

        await using (connection.ConfigureAwait(false))
        {
            var context = new HostPrecheckContext(host, connection, plan.Variables.ForHost(host.Host), inputs.Catalogue, _options);
            foreach (var check in s_hostChecks)
            {
                try
                {
                    results.AddRange(await check.CheckAsync(context, cancellationToken).ConfigureAwait(false));
                }
                catch (KollaException e)
                {
                    results.Add(new(PrecheckNames.Docker, PrecheckStatus.Failed, $"{host.Host}: {WithoutHost(e.Message, host.Host)}", host.Host));
                    break;
                }
            }
        }

        return results;
    }

    private static string WithoutHost(string message, string host) =>
        message.StartsWith(host + ": ", StringComparison.Ordinal) ? message[(host.Length + 2)..] : message;
}
