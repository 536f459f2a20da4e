using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary>Integration tests sharing one Docker engine; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DockerEngineCollection : ICollectionFixture<DockerEngineFixture>
{
    public const string Name = "Docker engine";
}
