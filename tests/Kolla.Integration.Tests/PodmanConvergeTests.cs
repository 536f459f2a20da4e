using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// The converge tests of <see cref="DockerConvergeTests"/>, run on a real Podman (<c>kolla_container_engine: podman</c>)
/// through its Docker-compatible API socket: create, no-op rerun, restart on a configuration change, recreate on a spec
/// change, start or recreate what was stopped or removed by hand, bootstrap failures and health checks.
/// </summary>
public sealed class PodmanConvergeTests(PodmanEngineFixture engine) : DockerConvergeTests(engine), IClassFixture<PodmanEngineFixture>
{
    protected override string ContainerEngine => "podman";
}
