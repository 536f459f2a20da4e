using Kolla.TestKit;

// Every test here talks to a real Docker engine: `dotnet test --filter "Category!=Integration"` skips them.
[assembly: Trait("Category", "Integration")]
[assembly: Trait("Requires", "Docker")]
[assembly: AssemblyFixture(typeof(DockerEngineFixture))]

// Kolla manages Linux hosts; these tests use Unix file modes and a local dockerd.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
