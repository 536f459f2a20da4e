using Kolla.Planning;
using Kolla.TestKit;

namespace Kolla.Tests.Planning;

/// <summary>The shipped samples (samples/all-in-one, samples/multinode) loaded with the fixed golden passwords.yml.</summary>
internal static class Samples
{
    public const string AllInOne = "all-in-one";

    public const string Multinode = "multinode";

    /// <summary>Fixed, readable passwords checked into the repository; never generated at test time.</summary>
    public static string GoldenPasswords => RepositoryPaths.InRepo("tests", "Kolla.Core.Tests", "Golden", "genconfig", "passwords.yml");

    public static string GoldenTree(string sample) => RepositoryPaths.InRepo("tests", "Kolla.Core.Tests", "Golden", "genconfig", sample);

    public static string Directory(string sample) => RepositoryPaths.InRepo("samples", sample);

    public static Task<DeploymentInputs> LoadAsync(string sample, CancellationToken cancellationToken = default) =>
        LoadFromAsync(Directory(sample), Path.Combine(Directory(sample), "inventory"), cancellationToken);

    /// <remarks>Every host gets pinned test facts (<see cref="TestFacts"/>: its own name, 8 vCPUs, 5120 MB), so golden trees do not depend on this machine.</remarks>
    public static async Task<DeploymentInputs> LoadFromAsync(string configDirectory, string inventory, CancellationToken cancellationToken = default) =>
        (await DeploymentInputsLoader.LoadAsync(
            new DeploymentInputsOptions
            {
                Inventories = [inventory],
                ConfigDirectory = configDirectory,
                PasswordsFile = GoldenPasswords,
            },
            cancellationToken)).WithTestFacts();

    /// <summary>The tree <c>kolla genconfig -o</c> writes: <c>&lt;host&gt;/&lt;service key&gt;/&lt;file&gt;</c> → bytes.</summary>
    public static SortedDictionary<string, byte[]> Tree(DeploymentPlan plan)
    {
        var tree = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var host in plan.Hosts)
        {
            foreach (var file in host.Containers.SelectMany(c => c.Files))
            {
                tree.Add($"{host.Host}/{file.Path[(host.NodeConfigDirectory.Length + 1)..]}", file.Content.ToArray());
            }
        }

        return tree;
    }
}
