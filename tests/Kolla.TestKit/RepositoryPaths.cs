namespace Kolla.TestKit;

/// <summary>
/// Where the repository and the shared test vectors are, found from the test binary's folder. The one place tests
/// locate the repository root and <c>&lt;root&gt;/../shared</c>.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>Gets the folder holding <c>Kolla.sln</c> (walking up from <see cref="AppContext.BaseDirectory"/>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets <c>&lt;root&gt;/../shared</c>: the shared docs and vectors.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>Gets <c>&lt;root&gt;/../shared/vectors</c>.</summary>
    public static string Vectors => Path.Combine(Shared, "vectors");

    /// <summary>Gets kolla-ansible's own input files (inventories, globals.yml, passwords.yml).</summary>
    public static string KollaAnsibleInputs => Path.Combine(Vectors, "kolla-ansible-inputs");

    /// <summary>A path below the shared vectors folder.</summary>
    /// <param name="parts">Path parts below <c>vectors</c>, e.g. <c>("merge", "01-case")</c>.</param>
    /// <returns>The full path.</returns>
    public static string Vector(params string[] parts) => Path.Combine([Vectors, .. parts]);

    /// <summary>A path inside the repository.</summary>
    /// <param name="parts">Path parts below the root, e.g. <c>("src", "Kolla.Core")</c>.</param>
    /// <returns>The full path.</returns>
    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

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
