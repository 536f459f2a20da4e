using Kolla.Variables;

namespace Kolla.Certificates;

/// <summary>How <see cref="KollaCertificates.GenerateAsync"/> treats what already exists.</summary>
public sealed record CertificatesOptions
{
    /// <summary>Replace every key and certificate, also those that are still valid (kolla-ansible keeps them).</summary>
    public bool Regenerate { get; init; }

    /// <summary>Where <c>globals.yml</c> sits relative to inventory variables (as for the plan).</summary>
    public GlobalsPrecedence GlobalsPrecedence { get; init; } = GlobalsPrecedence.BelowInventory;

    /// <summary>The clock for validity periods; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; init; }
}
