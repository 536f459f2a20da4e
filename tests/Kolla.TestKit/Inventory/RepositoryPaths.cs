namespace Kolla.TestKit.Inventory;

/// <summary>Where the repository and the shared test vectors are, found from the test binary's folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>Kolla.sln</c> (walking up from <see cref="AppContext.BaseDirectory"/>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>&lt;root&gt;/../shared</c>: the shared docs and vectors.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>kolla-ansible's own input files (inventories, globals.yml, passwords.yml).</summary>
    public static string KollaAnsibleInputs => Path.Combine(Shared, "vectors", "kolla-ansible-inputs");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kolla.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"Kolla.sln not found above {AppContext.BaseDirectory}");
    }
}
