using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>What part of the deployment to plan.</summary>
public sealed record PlanOptions
{
    /// <summary>Everything.</summary>
    public static PlanOptions All { get; } = new();

    /// <summary>Ansible-style host pattern (<c>--limit</c>), or null for every host.</summary>
    public string? Limit { get; init; }

    /// <summary>Services to include (<c>--tags</c>); empty means all.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Services to leave out (<c>--skip-tags</c>).</summary>
    public IReadOnlyList<string> SkipTags { get; init; } = [];

    /// <summary>
    /// Where <c>globals.yml</c> sits relative to inventory variables: below them (the default, so a host or group var
    /// wins) or above them as in kolla-ansible (<see cref="GlobalsPrecedence.LikeKollaAnsible"/>).
    /// </summary>
    public GlobalsPrecedence GlobalsPrecedence { get; init; } = GlobalsPrecedence.BelowInventory;

    /// <summary>Whether <see cref="Tags"/> and <see cref="SkipTags"/> select the service (names the catalogue lacks are not checked here).</summary>
    /// <param name="service">Service (role) name.</param>
    /// <returns>True when the service is in <see cref="Tags"/> (or no tags are given) and not in <see cref="SkipTags"/>.</returns>
    public bool Selects(string service) =>
        (Tags.Count == 0 || Tags.Contains(service, StringComparer.Ordinal)) && !SkipTags.Contains(service, StringComparer.Ordinal);
}
