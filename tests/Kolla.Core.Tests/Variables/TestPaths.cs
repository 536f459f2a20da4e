namespace Kolla.Tests.Variables;

/// <summary>Finds the repository root (the folder holding Kolla.sln) and the shared test vectors next to it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SharedVectors => Path.Combine(RepoRoot, "..", "shared", "vectors");

    public static string KollaAnsibleInputs => Path.Combine(SharedVectors, "kolla-ansible-inputs");

    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kolla.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Kolla.sln not found above " + AppContext.BaseDirectory);
    }
}
