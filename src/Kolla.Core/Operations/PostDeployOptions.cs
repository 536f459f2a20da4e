using Kolla.Variables;

namespace Kolla.Operations;

/// <summary>Where <c>kolla post-deploy</c> writes <c>admin-openrc.sh</c> and <c>clouds.yaml</c>, and how it reads the variables.</summary>
public sealed record PostDeployOptions
{
    /// <summary>The directory the files go to; null for the config directory (<c>KollaOptions.ConfigDirectory</c>).</summary>
    public string? Directory { get; init; }

    /// <summary>Where <c>globals.yml</c> sits relative to inventory variables (as for the plan).</summary>
    public GlobalsPrecedence GlobalsPrecedence { get; init; } = GlobalsPrecedence.BelowInventory;
}
