namespace Kolla.Tests.Services;

/// <summary>Locates the repository root (the folder holding Kolla.sln) and the shared folder beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Catalogue => Path.Combine(Root, "src", "Kolla.Core", "Services", "Catalogue");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kolla.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Kolla.sln not found above {AppContext.BaseDirectory}");
    }
}
