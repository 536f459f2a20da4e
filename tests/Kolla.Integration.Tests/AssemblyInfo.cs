using Kolla.TestKit;

// Converge tests against real engines and sshd's: `dotnet test --filter "Category!=Integration"` skips them.
[assembly: Trait("Category", "Integration")]
[assembly: Trait("Requires", "Docker")]
[assembly: AssemblyFixture(typeof(DockerEngineFixture))]

// Classes that take minutes ([LongRunning]: the kolla-ansible oracle, apt in a chroot, a Galera cluster) start first, so
// the two parallel slots end together.
[assembly: TestCollectionOrderer(typeof(LongRunningFirstOrderer))]

// Kolla manages Linux hosts; these tests use Unix file modes, inodes and local dockerd's.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
