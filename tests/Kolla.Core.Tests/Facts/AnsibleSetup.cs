using Kolla.TestKit;

namespace Kolla.Core.Tests.Facts;

/// <summary>Runs the real Ansible (Debian's ansible-core) against this machine, writing its jsonfile fact cache.</summary>
internal static class AnsibleSetup
{
    public const string InstallHint = "ansible (ansible-core) is needed for the fact differential tests: apt-get install -y ansible-core";

    private static readonly Lazy<bool> Installed = new(() => FindOnPath("ansible") is not null);

    /// <summary>Skips the test when ansible is missing (fails it under CI=true).</summary>
    public static void Require()
    {
        if (!Installed.Value)
        {
            throw TestRig.Unavailable(InstallHint);
        }
    }

    /// <summary>
    /// Runs <c>ansible localhost -c local -m MODULE -a ARGS</c> with the jsonfile cache in <paramref name="cacheDirectory"/>,
    /// inside network namespace <paramref name="netns"/> when given.
    /// </summary>
    public static async Task<CommandResult> RunAsync(string cacheDirectory, string module, string? arguments, string? netns, IReadOnlyDictionary<string, string?>? extraEnvironment, CancellationToken cancellationToken)
    {
        Require();
        var config = Path.Combine(cacheDirectory, "..", "ansible.cfg");
        await File.WriteAllTextAsync(config, "[defaults]\n", cancellationToken);
        var environment = new Dictionary<string, string?>
        {
            ["ANSIBLE_CONFIG"] = Path.GetFullPath(config),
            ["ANSIBLE_CACHE_PLUGIN"] = "jsonfile",
            ["ANSIBLE_CACHE_PLUGIN_CONNECTION"] = cacheDirectory,
            ["ANSIBLE_LOCALHOST_WARNING"] = "false",
            ["ANSIBLE_INVENTORY_UNPARSED_WARNING"] = "false",
            ["ANSIBLE_NOCOLOR"] = "1",
            ["ANSIBLE_PYTHON_INTERPRETER"] = "/usr/bin/python3",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        List<string> command = ["ansible", "localhost", "-i", "localhost,", "-c", "local", "-m", module];
        if (arguments is not null)
        {
            command.AddRange(["-a", arguments]);
        }

        var result = netns is null
            ? await ExternalCommand.RunAsync(command[0], command.Skip(1), environment, cancellationToken)
            : await ExternalCommand.RunAsync("ip", ["netns", "exec", netns, .. command], environment, cancellationToken);
        return result.EnsureSuccess();
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
