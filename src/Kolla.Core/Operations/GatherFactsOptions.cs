using Kolla.Planning;

namespace Kolla.Operations;

/// <summary>Which hosts' facts are gathered, and from where (<c>kolla gather-facts</c>, and the first step of every other verb).</summary>
public sealed record GatherFactsOptions
{
    /// <summary>
    /// The services of the run (<c>--tags</c>, <c>--skip-tags</c>) and the globals precedence: a host that runs none of them
    /// is gathered without asking for its container engine. Its <see cref="PlanOptions.Limit"/> narrows nothing (templates
    /// read other hosts' facts, so every inventory host is gathered); use <see cref="Limit"/> for that. Default everything.
    /// </summary>
    public PlanOptions Plan { get; init; } = PlanOptions.All;

    /// <summary>Only the hosts of this Ansible host pattern (<c>kolla gather-facts --limit</c>); null for every inventory host.</summary>
    public string? Limit { get; init; }

    /// <summary>Gather every host again, even when the inputs or the cache hold its facts, and rewrite the cache (<c>kolla gather-facts</c>).</summary>
    public bool Refresh { get; init; }

    /// <summary>Gather without asking any host for its container engine (the run touches none: <c>genconfig -o</c>, <c>gather-facts</c>).</summary>
    public bool WithoutContainerEngine { get; init; }

    /// <summary>An Ansible <c>jsonfile</c> fact cache directory: cached hosts are not gathered, gathered ones are written there; null for none.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Hosts gathered at once. Default 10.</summary>
    public int Forks { get; init; } = 10;
}
