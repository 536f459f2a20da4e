namespace Kolla.Tests.Configuration;

/// <summary>Finds the repository root (the folder holding Kolla.sln) and the shared vectors next to it.</summary>
internal static class SharedVectors
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory(string kind) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "vectors", kind));

    public static IEnumerable<string> Cases(string kind) =>
        System.IO.Directory.EnumerateDirectories(Directory(kind)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>The source names listed in a case's <c>sources</c> file, with their full paths.</summary>
    public static IReadOnlyList<(string Name, string Path)> Sources(string caseDirectory) =>
        File.ReadAllLines(Path.Combine(caseDirectory, "sources"))
            .Where(l => l.Length > 0)
            .Select(l => (l, Path.Combine(caseDirectory, l)))
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kolla.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kolla.sln not found above " + AppContext.BaseDirectory);
    }
}
