using Kolla.Variables;

namespace Kolla.Bootstrap;

/// <summary>How <c>kolla bootstrap-servers</c> runs.</summary>
public sealed record BootstrapServersOptions
{
    /// <summary>Ansible host pattern: only these hosts of the <c>baremetal</c> group; null for all.</summary>
    public string? Limit { get; init; }

    /// <summary>Where globals.yml sits among the inventory's variables.</summary>
    public GlobalsPrecedence GlobalsPrecedence { get; init; } = GlobalsPrecedence.BelowInventory;

    /// <summary>Hosts prepared at once.</summary>
    public int Forks { get; init; } = 10;

    /// <summary>The longest one step (a package install) may run on a host.</summary>
    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(30);
}
