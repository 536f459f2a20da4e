namespace Kolla.Services;

/// <summary>
/// What the prechecks verify for one container, declared beside it in <c>service.yml</c> (<c>prechecks:</c>), the way each
/// kolla-ansible role carries its own <c>precheck.yml</c>.
/// </summary>
/// <remarks>Read by the generic checks of <c>Kolla.Prechecks</c>; a service of your own catalogue declares its own.</remarks>
public sealed record ContainerPrechecks
{
    /// <summary>Nothing to check.</summary>
    public static ContainerPrechecks None { get; } = new();

    /// <summary>
    /// TCP ports the container listens on, as variable names (<c>memcached_port</c>) or Jinja expressions evaluated per
    /// host: on a local host where the container is not running yet, each must be free.
    /// </summary>
    public IReadOnlyList<string> Ports { get; init; } = [];
}
