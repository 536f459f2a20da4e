using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace Kolla.TestKit;

/// <summary>
/// Orders an assembly's test collections so that classes marked <see cref="LongRunningAttribute"/> start first (longest
/// processing time first); the rest keep xUnit's own order (by unique ID). Use it with
/// <c>[assembly: TestCollectionOrderer(typeof(LongRunningFirstOrderer))]</c>.
/// </summary>
public sealed class LongRunningFirstOrderer : ITestCollectionOrderer
{
    /// <inheritdoc/>
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection
    {
        ArgumentNullException.ThrowIfNull(testCollections);
        return [.. testCollections
            .OrderBy(collection => IsLongRunning(collection) ? 0 : 1)
            .ThenBy(collection => collection.UniqueID, StringComparer.Ordinal)];
    }

    // xUnit names a class's own collection (no [Collection]) "Test collection for <full class name> (id: <hash>)".
    private const string PerClassPrefix = "Test collection for ";
    private const string IdSuffix = " (id: ";

    private static bool IsLongRunning(ITestCollection collection)
    {
        var name = collection.TestCollectionClassName is { Length: > 0 } definition ? definition : ClassOf(collection.TestCollectionDisplayName);
        if (name is null || collection.TestAssembly is not IXunitTestAssembly assembly)
        {
            return false;
        }

        return assembly.Assembly.GetType(name)?.GetCustomAttribute<LongRunningAttribute>() is not null;
    }

    private static string? ClassOf(string displayName)
    {
        if (!displayName.StartsWith(PerClassPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = displayName[PerClassPrefix.Length..];
        var id = name.LastIndexOf(IdSuffix, StringComparison.Ordinal);
        return id < 0 ? name : name[..id];
    }
}
