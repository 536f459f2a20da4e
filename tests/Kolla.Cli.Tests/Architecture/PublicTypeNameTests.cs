using System.Reflection;

namespace Kolla.Tests.Architecture;

/// <summary>One name per idea: no two public types of the shipped assemblies share a simple name.</summary>
public sealed class PublicTypeNameTests
{
    [Fact]
    public void PublicTypes_HaveUniqueSimpleNames()
    {
        var shipped = new[] { "Kolla.Core", "Kolla.Docker", "Kolla.Ssh" }
            .Select(name => Assembly.Load(new AssemblyName(name)));

        var clashes = shipped
            .SelectMany(a => a.GetExportedTypes())
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}")
            .ToList();

        clashes.Should().BeEmpty();
    }
}
