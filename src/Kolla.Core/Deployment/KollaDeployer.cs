using Kolla.Changes;
using Kolla.Converge;
using Kolla.Facts;
using Kolla.Globals;
using Kolla.Hosts;
using Kolla.Planning;
using Microsoft.Extensions.Options;

namespace Kolla.Deployment;

/// <summary>The <see cref="IKollaDeployer"/> registered by <c>AddKolla</c>: the planner and the converger over the registered executors.</summary>
internal sealed class KollaDeployer : IKollaDeployer
{
    private readonly KollaOptions _options;
    private readonly IHostConnector _connector;
    private readonly ConvergeOptions _converge;
    private readonly TimeProvider _time;

    /// <summary>Creates the deployer; reading <paramref name="options"/> validates them (all failures in one exception).</summary>
    public KollaDeployer(IOptions<KollaOptions> options, IHostConnector connector, ConvergeOptions converge, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(converge);
        _options = options.Value;
        _connector = connector;
        _converge = converge;
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task<DeploymentInputs> LoadInputsAsync(IReadOnlyList<string> inventories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inventories);
        var inputs = await DeploymentInputsLoader.LoadAsync(
            new DeploymentInputsOptions
            {
                Inventories = inventories,
                ConfigDirectory = _options.ConfigDirectory,
                PasswordsFile = _options.ResolvedPasswordsFile,
            },
            cancellationToken).ConfigureAwait(false);
        var collector = new FactsCollector(_connector as IHostFactsGatherer, new FactsCollectorOptions
        {
            Cache = _options.FactsCacheDirectory is { Length: > 0 } cache ? new FactCache(cache) : null,
            Forks = _converge.Forks,
        });
        return inputs with { Facts = await collector.CollectAsync(DeploymentPlanner.Targets(inputs), cancellationToken).ConfigureAwait(false) };
    }

    public DeploymentPlan Plan(DeploymentInputs inputs, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return DeploymentPlanner.Plan(inputs, options);
    }

    public Task<IReadOnlyList<HostChangeSet>> GetChangesAsync(DeploymentPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Converger(_connector, _converge, _time).PlanChangesAsync(plan, cancellationToken);
    }

    public Task<DeployResult> ApplyAsync(DeploymentPlan plan, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Converger(_connector, _converge, _time).ApplyAsync(plan, progress, cancellationToken);
    }
}
