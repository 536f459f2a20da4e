namespace Kolla.Configuration;

/// <summary>
/// One step of a search path: its candidates are tried in order and the first that exists is used. A step with a
/// single candidate is an ordinary optional source (skipped when missing).
/// </summary>
/// <param name="Candidates">The candidates in order of preference.</param>
public sealed record OverrideStep(IReadOnlyList<OverrideSource> Candidates)
{
    /// <summary>True when the step picks the first existing of several candidates (Ansible's <c>with_first_found</c>).</summary>
    public bool IsFirstFound => Candidates.Count > 1;

    /// <summary>The candidates joined with <c> | </c>.</summary>
    public override string ToString() => string.Join(" | ", Candidates);
}
