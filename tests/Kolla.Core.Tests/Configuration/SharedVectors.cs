using Kolla.TestKit;

namespace Kolla.Tests.Configuration;

/// <summary>The shared merge vectors: case folders and their <c>sources</c> lists.</summary>
internal static class SharedVectors
{
    public static string Directory(string kind) => RepositoryPaths.Vector(kind);

    public static IEnumerable<string> Cases(string kind) =>
        System.IO.Directory.EnumerateDirectories(Directory(kind)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>The source names listed in a case's <c>sources</c> file, with their full paths.</summary>
    public static IReadOnlyList<(string Name, string Path)> Sources(string caseDirectory) =>
        File.ReadAllLines(Path.Combine(caseDirectory, "sources"))
            .Where(l => l.Length > 0)
            .Select(l => (l, Path.Combine(caseDirectory, l)))
            .ToList();
}
