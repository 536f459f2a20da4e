using Kolla.TestKit;

// Every test here talks to a real sshd: `dotnet test --filter "Category!=Integration"` skips them.
[assembly: Trait("Category", "Integration")]
[assembly: Trait("Requires", "Ssh")]
[assembly: AssemblyFixture(typeof(DockerEngineFixture))]
