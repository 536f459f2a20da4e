using Kolla.Hosts;

namespace Kolla.Tests.Execution;

/// <summary>A runtime that reports an engine version, delegating everything else.</summary>
internal sealed class VersionedRuntime(IContainerRuntime inner, ContainerEngineVersion version) : DelegatingRuntime(inner), IContainerEngineInfo, ISimulatedContainerRuntime
{
    public Task<ContainerEngineVersion?> GetEngineVersionAsync(CancellationToken cancellationToken = default) => Task.FromResult<ContainerEngineVersion?>(version);
}
