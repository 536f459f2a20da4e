using System.Globalization;
using System.Security.Cryptography;
using Kolla.Planning;

namespace Kolla.Tests.Rig;

/// <summary>
/// One deployment's inputs on disk, as an operator would have them: an inventory, a config directory
/// (<c>globals.yml</c>, <c>passwords.yml</c>, <c>config/</c> overrides) and the <see cref="TestCatalogue"/> overlay;
/// each host's <c>node_config_directory</c> is a directory of its own under <see cref="Root"/>.
/// </summary>
internal sealed class TestDeployment : IDisposable
{
    private readonly SortedDictionary<string, string> _globals = new(StringComparer.Ordinal)
    {
        ["docker_registry"] = "\"\"",
        ["docker_namespace"] = "\"kolla-test\"",
        ["openstack_tag"] = "\"test\"",
        ["docker_graceful_timeout"] = "5",
    };

    private TestDeployment(string root, string prefix, IReadOnlyList<string> hosts)
    {
        Root = root;
        Prefix = prefix;
        Hosts = hosts;
        Password = "kt-" + RandomNumberGenerator.GetHexString(24, lowercase: true);
    }

    /// <summary>The directory holding everything.</summary>
    public string Root { get; }

    /// <summary>Prefix of every container and volume name (<c>kt1a2b3c_</c>).</summary>
    public string Prefix { get; }

    /// <summary>Inventory host names.</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>The value of <c>ktdb_password</c> in passwords.yml (used in two templates).</summary>
    public string Password { get; }

    public string ConfigDirectory => Path.Combine(Root, "etc");

    public string OverrideDirectory => Path.Combine(ConfigDirectory, "config");

    public string InventoryPath => Path.Combine(Root, "inventory");

    public string CatalogueDirectory => Path.Combine(Root, "catalogue");

    /// <summary>Creates a deployment whose hosts are all in group <c>kt</c>.</summary>
    /// <param name="runLabel">The engine fixture's run id, put on every container as <c>kolla.test.run</c>.</param>
    /// <param name="hosts">Inventory host names with their connection variables (<c>ansible_connection=local ...</c>).</param>
    public static TestDeployment Create(string runLabel, params (string Name, string Variables)[] hosts)
    {
        var id = RandomNumberGenerator.GetHexString(6, lowercase: true);
        var root = Path.Combine(Path.GetTempPath(), $"kt-converge-{id}");
        var deployment = new TestDeployment(root, $"kt{id}_", [.. hosts.Select(h => h.Name)]);
        Directory.CreateDirectory(deployment.OverrideDirectory);
        TestCatalogue.Write(deployment.CatalogueDirectory, deployment.Prefix, runLabel);
        var lines = hosts.Select(h => $"{h.Name} {h.Variables} node_config_directory={deployment.NodeDirectory(h.Name)}");
        File.WriteAllText(deployment.InventoryPath, "[kt]\n" + string.Join('\n', lines) + "\n");
        File.WriteAllText(Path.Combine(deployment.ConfigDirectory, "passwords.yml"), $"ktdb_password: {deployment.Password}\n");
        File.SetUnixFileMode(Path.Combine(deployment.ConfigDirectory, "passwords.yml"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        deployment.SetGlobal("ktweb_port", RandomNumberGenerator.GetInt32(20000, 40000).ToString(CultureInfo.InvariantCulture));
        return deployment;
    }

    /// <summary>A host's <c>node_config_directory</c>.</summary>
    public string NodeDirectory(string host) => Path.Combine(Root, "node", host);

    /// <summary>A host's config directory of one container (<c>node/h1/ktapi</c>).</summary>
    public string ConfigPath(string host, string container, string file) => Path.Combine(NodeDirectory(host), container, file);

    /// <summary>The container name of a container key.</summary>
    public string ContainerName(string key) => Prefix + key;

    /// <summary>Sets a variable in globals.yml (YAML scalar text) and rewrites the file.</summary>
    public void SetGlobal(string key, string yamlValue)
    {
        _globals[key] = yamlValue;
        File.WriteAllText(Path.Combine(ConfigDirectory, "globals.yml"), "---\n" + string.Join('\n', _globals.Select(p => $"{p.Key}: {p.Value}")) + "\n");
    }

    /// <summary>Writes an override file under <c>config/</c>.</summary>
    public void WriteOverride(string relative, string text)
    {
        var path = Path.Combine(OverrideDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Deletes an override file.</summary>
    public void DeleteOverride(string relative) => File.Delete(Path.Combine(OverrideDirectory, relative));

    /// <summary>The input options the CLI would build from <see cref="CliArguments"/>.</summary>
    public DeploymentInputsOptions InputsOptions => new()
    {
        Inventories = [InventoryPath],
        ConfigDirectory = ConfigDirectory,
        CatalogueDirectory = CatalogueDirectory,
    };

    /// <summary>Plans the deployment (the test services only).</summary>
    public async Task<DeploymentPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var inputs = await DeploymentInputsLoader.LoadAsync(InputsOptions, cancellationToken);
        return DeploymentPlanner.Plan(inputs, new PlanOptions { Tags = TestCatalogue.Services });
    }

    /// <summary>The arguments of a CLI verb over this deployment.</summary>
    public string[] CliArguments(string verb, params string[] more) =>
        [verb, "-i", InventoryPath, "--configdir", ConfigDirectory, "--catalogue", CatalogueDirectory, "--tags", string.Join(',', TestCatalogue.Services), .. more];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the directory name says what it was.
        }
    }
}
