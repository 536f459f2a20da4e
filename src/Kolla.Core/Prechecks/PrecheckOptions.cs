using Kolla.Hosts;
using Kolla.Variables;

namespace Kolla.Prechecks;

/// <summary>How <see cref="PrecheckRunner"/> runs.</summary>
public sealed record PrecheckOptions
{
    /// <summary>Lowest Docker Engine API version accepted. Default 1.41 (Docker 20.10), the oldest engine Kolla.Docker is tested against.</summary>
    public Version MinimumDockerApiVersion { get; init; } = new(1, 41);

    /// <summary>Reads this machine's listening TCP ports, for the port checks of local hosts; null skips those checks.</summary>
    public IListeningPorts? LocalPorts { get; init; }

    /// <summary>
    /// More ports to check, by service key, as variable names or Jinja expressions evaluated per host; added to those each
    /// container declares in the catalogue (<see cref="Services.ContainerPrechecks.Ports"/>, <c>prechecks: ports:</c> in
    /// <c>service.yml</c>). Default none.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Ports { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Hosts checked at once. Default 10.</summary>
    public int Forks { get; init; } = 10;

    /// <summary>Where <c>globals.yml</c> sits relative to inventory variables (as used for the plan).</summary>
    public GlobalsPrecedence GlobalsPrecedence { get; init; } = GlobalsPrecedence.BelowInventory;

    /// <summary>Report settings the catalogue does not implement (<see cref="Planning.UnimplementedSettings"/>) as warnings instead of failures.</summary>
    public bool AllowUnimplemented { get; init; }
}
