using Kolla.Changes;
using Kolla.Converge;
using Kolla.Facts;
using Kolla.Globals;
using Kolla.Hosts;
using Kolla.Operations;
using Kolla.Planning;
using Kolla.Prechecks;
using Microsoft.Extensions.Options;

namespace Kolla.Deployment;

/// <summary>The <see cref="IKollaDeployer"/> registered by <c>AddKolla</c>: the planner and the operations over the registered executors.</summary>
/// <remarks>
/// <see cref="KollaOptions"/> are read (and so validated) by the first call that needs them: <see cref="LoadInputsAsync"/>, or a
/// call whose options leave the fact cache or the post-deploy directory to them.
/// </remarks>
internal sealed class KollaDeployer : IKollaDeployer
{
    private readonly IOptions<KollaOptions> _options;
    private readonly IHostConnector _connector;
    private readonly ConvergeOptions _converge;
    private readonly IListeningPorts? _localPorts;
    private readonly TimeProvider _time;

    public KollaDeployer(IOptions<KollaOptions> options, IHostConnector connector, ConvergeOptions converge, IListeningPorts? localPorts = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(converge);
        _options = options;
        _connector = connector;
        _converge = converge;
        _localPorts = localPorts;
        _time = timeProvider ?? TimeProvider.System;
    }

    public async Task<DeploymentInputs> LoadInputsAsync(IReadOnlyList<string> inventories, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inventories);
        var options = _options.Value;
        var inputs = await ReadInputsAsync(
            new DeploymentInputsOptions
            {
                Inventories = inventories,
                ConfigDirectory = options.ConfigDirectory,
                PasswordsFile = options.ResolvedPasswordsFile,
            },
            cancellationToken).ConfigureAwait(false);
        return await GatherFactsAsync(inputs, null, cancellationToken).ConfigureAwait(false);
    }

    public Task<DeploymentInputs> ReadInputsAsync(DeploymentInputsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return DeploymentInputsLoader.LoadAsync(options, cancellationToken);
    }

    public async Task<DeploymentInputs> GatherFactsAsync(DeploymentInputs inputs, GatherFactsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new GatherFactsOptions { CacheDirectory = _options.Value.FactsCacheDirectory, Forks = _converge.Forks };
        var limited = options.Limit is { Length: > 0 } limit ? inputs.Inventory.Select(limit).Select(h => h.Name).ToHashSet(StringComparer.Ordinal) : null;
        var targets = DeploymentPlanner.Targets(inputs, options.Plan)
            .Where(t => options.Refresh || !inputs.Facts.ContainsKey(t.Name))
            .Where(t => limited is null || limited.Contains(t.Name))
            .Select(t => options.WithoutContainerEngine ? t with { NeedsContainerEngine = false } : t)
            .ToList();
        if (targets.Count == 0)
        {
            return inputs;
        }

        var collector = new FactsCollector(_connector as IHostFactsGatherer, new FactsCollectorOptions
        {
            Cache = options.CacheDirectory is { Length: > 0 } cache ? new FactCache(cache) : null,
            Forks = options.Forks,
            Refresh = options.Refresh,
        });
        var gathered = await collector.CollectAsync(targets, cancellationToken).ConfigureAwait(false);
        var facts = new Dictionary<string, HostFacts>(inputs.Facts, StringComparer.Ordinal);
        foreach (var (host, hostFacts) in gathered)
        {
            facts[host] = hostFacts;
        }

        return inputs with { Facts = facts };
    }

    public DeploymentPlan Plan(DeploymentInputs inputs, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return DeploymentPlanner.Plan(inputs, options);
    }

    public Task<PrecheckReport> RunPrechecksAsync(DeploymentInputs inputs, PlanOptions? planOptions = null, PrecheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new PrecheckOptions { Forks = _converge.Forks };
        if (options.LocalPorts is null && _localPorts is not null)
        {
            options = options with { LocalPorts = _localPorts };
        }

        return new PrecheckRunner(_connector, options).RunAsync(inputs, planOptions, cancellationToken);
    }

    public Task<IReadOnlyList<HostChangeSet>> GetChangesAsync(DeploymentPlan plan, ConvergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Converger(_connector, options ?? _converge, _time).GetChangesAsync(plan, cancellationToken);
    }

    public Task<DeployResult> DeployAsync(DeploymentPlan plan, ConvergeOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Converger(_connector, options ?? _converge, _time).ApplyAsync(plan, progress, cancellationToken);
    }

    public Task<DeployResult> GenerateConfigAsync(DeploymentPlan plan, ConvergeOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var filesOnly = (options ?? _converge) with { FilesOnly = true, ContainersOnly = false };
        return new Converger(_connector, filesOnly, _time).ApplyAsync(plan, progress, cancellationToken);
    }

    public Task<int> WriteConfigTreeAsync(DeploymentPlan plan, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return ConfigTree.WriteAsync(plan, directory, cancellationToken);
    }

    public Task<DeployResult> PullAsync(DeploymentPlan plan, PullOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new PullOptions { Forks = _converge.Forks, ContinueOnError = _converge.ContinueOnError };
        return new ImagePuller(_connector, options, _time).PullAsync(plan, progress, cancellationToken);
    }

    public Task<DeployResult> UpgradeAsync(DeploymentPlan plan, UpgradeOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Upgrader(_connector, options ?? new UpgradeOptions { Converge = _converge }, _time).ApplyAsync(plan, progress, cancellationToken);
    }

    public Task<IReadOnlyList<HostChangeSet>> GetTeardownChangesAsync(DeploymentPlan plan, TeardownOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Teardown(_connector, options ?? DefaultTeardown, _time).GetChangesAsync(plan, cancellationToken);
    }

    public Task<DeployResult> TeardownAsync(DeploymentPlan plan, TeardownOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new Teardown(_connector, options ?? DefaultTeardown, _time).ApplyAsync(plan, progress, cancellationToken);
    }

    public Task<IReadOnlyList<HostChangeSet>> GetPruneImagesChangesAsync(DeploymentPlan plan, PruneImagesOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ImagePruner(_connector, options ?? DefaultPrune, _time).GetChangesAsync(plan, cancellationToken);
    }

    public Task<DeployResult> PruneImagesAsync(DeploymentPlan plan, PruneImagesOptions? options = null, IProgress<DeployEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new ImagePruner(_connector, options ?? DefaultPrune, _time).ApplyAsync(plan, progress, cancellationToken);
    }

    public Task<MariaDbRecoveryResult> RecoverMariaDbAsync(DeploymentPlan plan, MariaDbRecoveryOptions? options = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new MariaDbRecovery(_connector, options, _time).RunAsync(plan, progress, cancellationToken);
    }

    public Task<IReadOnlyList<string>> PostDeployAsync(DeploymentInputs inputs, PostDeployOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new PostDeployOptions();
        return PostDeploy.WriteAsync(inputs, options.Directory ?? _options.Value.ConfigDirectory, options.GlobalsPrecedence, cancellationToken);
    }

    private PruneImagesOptions DefaultPrune => new() { Forks = _converge.Forks, ContinueOnError = _converge.ContinueOnError };

    private TeardownOptions DefaultTeardown => new() { Forks = _converge.Forks, ContinueOnError = _converge.ContinueOnError };
}
