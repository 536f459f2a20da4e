using Kolla.Converge;
using Kolla.Facts;
using Kolla.Inventory;

namespace Kolla.Operations;

/// <summary>
/// Collects the facts of every inventory host before planning, as kolla-ansible's gather-facts play does: from the fact
/// cache when the host is there, else through the host's executor (and then into the cache).
/// </summary>
/// <example>
/// <code>
/// var collector = new FactsCollector(connector as IHostFactsGatherer, new FactsCollectorOptions { Cache = new FactCache("/var/cache/kolla-facts") });
/// var facts = await collector.CollectAsync(DeploymentPlanner.Targets(inputs), cancellationToken);
/// var plan = DeploymentPlanner.Plan(inputs with { Facts = facts });
/// </code>
/// </example>
internal sealed class FactsCollector
{
    private readonly IHostFactsGatherer? _gatherer;
    private readonly FactsCollectorOptions _options;

    /// <summary>Creates a collector.</summary>
    /// <param name="gatherer">Gathers a host that is not cached; null when only the cache may be read.</param>
    /// <param name="options">Cache and parallelism; null for none and 10 hosts at once.</param>
    public FactsCollector(IHostFactsGatherer? gatherer, FactsCollectorOptions? options = null)
    {
        _gatherer = gatherer;
        _options = options ?? new FactsCollectorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Forks, 1, nameof(options));
    }

    /// <summary>The facts of every target, by inventory name.</summary>
    /// <exception cref="FactsGatheringException">One or more hosts have no facts: neither cached nor gatherable; it names each host and why.</exception>
    public async Task<IReadOnlyDictionary<string, HostFacts>> CollectAsync(IReadOnlyList<HostTarget> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var facts = new HostFacts?[targets.Count];
        var errors = new string?[targets.Count];
        await HostFanOut.ForEachAsync(
            Enumerable.Range(0, targets.Count),
            _options.Forks,
            async (i, token) =>
            {
                try
                {
                    facts[i] = await CollectAsync(targets[i], token).ConfigureAwait(false);
                }
                catch (KollaException e)
                {
                    // Host errors already start with the host's name.
                    errors[i] = e.Message.Contains(targets[i].Name, StringComparison.Ordinal)
                        ? e.Message
                        : $"{targets[i].Name}: {e.Message}";
                }
            },
            cancellationToken).ConfigureAwait(false);

        var failed = errors.OfType<string>().ToList();
        if (failed.Count > 0)
        {
            throw new FactsGatheringException(failed);
        }

        var result = new Dictionary<string, HostFacts>(StringComparer.Ordinal);
        for (var i = 0; i < targets.Count; i++)
        {
            result[targets[i].Name] = facts[i]!;
        }

        return result;
    }

    private async Task<HostFacts> CollectAsync(HostTarget target, CancellationToken cancellationToken)
    {
        if (!_options.Refresh && _options.Cache is { } cache && await cache.TryLoadAsync(target.Name, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            return cached;
        }

        if (_gatherer is null)
        {
            throw new FactsException(_options.Cache is { } c
                ? $"{target.Name}: no facts in the fact cache {c.Directory}, and this executor gathers none (run 'kolla gather-facts --facts-cache {c.Directory}' first)"
                : $"{target.Name}: no facts: this executor gathers none; give a fact cache (--facts-cache DIR, filled by 'kolla gather-facts')");
        }

        var gathered = await _gatherer.GatherFactsAsync(target, cancellationToken).ConfigureAwait(false);
        if (_options.Cache is { } writeTo)
        {
            await writeTo.SaveAsync(gathered, cancellationToken).ConfigureAwait(false);
        }

        return gathered;
    }
}
