using System.Globalization;
using Kolla.Hosts;
using Kolla.Inventory;

namespace Kolla.Ssh;

/// <summary>The connection settings of one host: inventory variables over <see cref="SshExecutorOptions"/>.</summary>
/// <param name="Name">Inventory name.</param>
/// <param name="Address">Address connected to (<c>ansible_host</c>).</param>
/// <param name="Port">SSH port (<c>ansible_port</c>).</param>
/// <param name="User">Login user (<c>ansible_user</c>, else the options' user).</param>
/// <param name="KeyFiles">Private key files to offer, in order.</param>
/// <param name="Become">Whether and as whom commands run through sudo.</param>
internal sealed record SshHostSettings(string Name, string Address, int Port, string User, IReadOnlyList<string> KeyFiles, Become Become)
{
    private static readonly string[] s_defaultKeyFiles = ["~/.ssh/id_ed25519", "~/.ssh/id_ecdsa", "~/.ssh/id_rsa"];

    /// <exception cref="HostExecutionException">A variable has a value this executor cannot honour.</exception>
    public static SshHostSettings Resolve(HostTarget target, SshExecutorOptions options)
    {
        var variables = target.Variables ?? new Dictionary<string, object?>();
        var user = target.User ?? Text(variables, "ansible_user") ?? options.User;

        var keyFiles = new List<string>();
        if ((Text(variables, "ansible_ssh_private_key_file") ?? Text(variables, "ansible_private_key_file")) is { } hostKey)
        {
            keyFiles.Add(HomePath.Expand(hostKey));
        }
        else
        {
            if (options.PrivateKeyFile is { Length: > 0 } single)
            {
                keyFiles.Add(HomePath.Expand(single));
            }

            keyFiles.AddRange(options.PrivateKeyFiles.Where(f => f.Length > 0).Select(HomePath.Expand));
            if (keyFiles.Count == 0)
            {
                keyFiles.AddRange(s_defaultKeyFiles.Select(HomePath.Expand).Where(File.Exists));
            }
        }

        if (Text(variables, "ansible_become_method") is { } method && method != "sudo")
        {
            throw new HostExecutionException(target.Name, $"ansible_become_method '{method}' is not supported; only sudo is");
        }

        var becomeUser = Text(variables, "ansible_become_user");
        var wanted = Flag(target.Name, variables, "ansible_become") ?? options.Become ?? user != "root";
        var needed = user != "root" || (becomeUser is not null && becomeUser != "root");
        var become = wanted && needed ? new Become(true, becomeUser) : Become.None;

        return new SshHostSettings(target.Name, target.Address, target.Port, user, keyFiles, become);
    }

    private static string? Text(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.TryGetValue(name, out var value) && value is not null
            ? Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null
            : null;

    private static bool? Flag(string host, IReadOnlyDictionary<string, object?> variables, string name)
    {
        if (!variables.TryGetValue(name, out var value) || value is null)
        {
            return null;
        }

        if (value is bool b)
        {
            return b;
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "1" or "y" => true,
            "false" or "no" or "off" or "0" or "n" or "" => false,
            var other => throw new HostExecutionException(host, $"{name} is '{other}', not a boolean"),
        };
    }
}
