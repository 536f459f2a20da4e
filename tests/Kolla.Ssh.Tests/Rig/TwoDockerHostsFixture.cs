using Kolla.TestKit;

namespace Kolla.Tests.Rig;

/// <summary>Two namespace hosts, each with its own Docker engine.</summary>
public sealed class TwoDockerHostsFixture() : NamespaceHostsFixture(2, withDocker: true);
