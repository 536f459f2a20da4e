namespace Kolla.Converge;

/// <summary>
/// What every operation that works host by host takes (converge, pull, stop, destroy): how many hosts at once and what a
/// failed host does to the others. Each operation's own options record derives from it.
/// </summary>
public abstract record HostOperationOptions
{
    /// <summary>Hosts worked on at once (Ansible's <c>--forks</c>). Default 10.</summary>
    public int Forks { get; init; } = 10;

    /// <summary>Keep going on other hosts when one fails (default: start no new work after the first failure).</summary>
    public bool ContinueOnError { get; init; }
}
