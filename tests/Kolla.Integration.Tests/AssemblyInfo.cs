using Kolla.TestKit;

// Converge tests against real engines and sshd's: `dotnet test --filter "Category!=Integration"` skips them.
[assembly: Trait("Category", "Integration")]
[assembly: Trait("Requires", "Docker")]
[assembly: AssemblyFixture(typeof(DockerEngineFixture))]

// Kolla manages Linux hosts; these tests use Unix file modes, inodes and local dockerd's.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
