namespace Kolla.Tests;

/// <summary>Integration tests sharing the assembly's Docker engine fixture; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DockerEngineCollection
{
    public const string Name = "Docker engine";
}
