namespace Kolla.Core.Tests.Facts;

/// <summary>
/// Tests that read this machine's interfaces more than once, or add interfaces to its root network namespace: they
/// run one at a time, so none sees another's interfaces come and go.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RootNamespaceCollection
{
    public const string Name = "root network namespace";
}
