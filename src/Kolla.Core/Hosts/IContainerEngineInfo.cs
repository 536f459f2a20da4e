namespace Kolla.Hosts;

/// <summary>A container runtime that can say which engine it talks to (used by prechecks).</summary>
/// <remarks>Optional: a runtime that does not implement it is reported as "engine version unknown".</remarks>
public interface IContainerEngineInfo
{
    /// <summary>Reads the engine's version, or null when it cannot be known (a dry run).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The engine's version and API version.</returns>
    Task<ContainerEngineVersion?> GetEngineVersionAsync(CancellationToken cancellationToken = default);
}
