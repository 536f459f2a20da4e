using Kolla.TestKit;

namespace Kolla.Tests.Rig;

/// <summary>
/// A private Podman API service (<c>podman system service</c>, Debian's podman): reuses <c>KOLLA_TEST_PODMAN_HOST</c>
/// when it answers (<c>scripts/test.sh</c> starts one), else starts its own with <c>tests/infra/start-podman.sh</c>
/// (own storage root, run root, containers.conf and storage.conf). Unavailable (skipped, or failed under CI) when podman
/// is not installed.
/// </summary>
public sealed class PodmanEngineFixture() : DockerEngineFixture(HostVariable, "start-podman.sh", "Podman")
{
    /// <summary>The environment variable naming a running Podman API service to reuse.</summary>
    public const string HostVariable = "KOLLA_TEST_PODMAN_HOST";
}
