using Kolla.Facts;

namespace Kolla.Operations;

/// <summary>How <see cref="FactsCollector"/> finds each host's facts.</summary>
internal sealed record FactsCollectorOptions
{
    /// <summary>An Ansible <c>jsonfile</c> fact cache: hosts found there are not gathered again (unless <see cref="Refresh"/>), and gathered facts are written to it. Null for none.</summary>
    public FactCache? Cache { get; init; }

    /// <summary>Gather every host even when it is cached, and rewrite the cache (<c>kolla gather-facts</c>).</summary>
    public bool Refresh { get; init; }

    /// <summary>Hosts gathered at once.</summary>
    public int Forks { get; init; } = 10;
}
