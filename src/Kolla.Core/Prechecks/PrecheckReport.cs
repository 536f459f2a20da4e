namespace Kolla.Prechecks;

/// <summary>Everything <see cref="PrecheckRunner"/> found, in check order.</summary>
/// <param name="Results">The findings.</param>
public sealed record PrecheckReport(IReadOnlyList<PrecheckResult> Results)
{
    /// <summary>True when nothing failed (warnings and skipped checks allowed).</summary>
    public bool Succeeded => Results.All(r => r.Status != PrecheckStatus.Failed);

    /// <summary>The failed checks.</summary>
    public IReadOnlyList<PrecheckResult> Failures => [.. Results.Where(r => r.Status == PrecheckStatus.Failed)];

    /// <summary>The warnings.</summary>
    public IReadOnlyList<PrecheckResult> Warnings => [.. Results.Where(r => r.Status == PrecheckStatus.Warning)];

    /// <summary>This report followed by <paramref name="other"/>'s findings.</summary>
    /// <param name="other">More findings.</param>
    /// <returns>The combined report.</returns>
    public PrecheckReport Concat(PrecheckReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PrecheckReport([.. Results, .. other.Results]);
    }
}
