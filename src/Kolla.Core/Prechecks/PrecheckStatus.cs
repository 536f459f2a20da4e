namespace Kolla.Prechecks;

/// <summary>The outcome of one precheck.</summary>
public enum PrecheckStatus
{
    /// <summary>The check passed.</summary>
    Passed,

    /// <summary>Not fatal, but worth fixing (a host named by its IP address).</summary>
    Warning,

    /// <summary>A deploy would fail or misbehave; fix it first.</summary>
    Failed,

    /// <summary>The check could not run here (a remote host's ports, the dry-run executor's engine).</summary>
    Skipped,
}
