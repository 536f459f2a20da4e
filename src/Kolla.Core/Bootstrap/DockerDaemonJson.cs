using System.Collections;
using System.Text;
using Kolla.Compat;

namespace Kolla.Bootstrap;

/// <summary>
/// <c>/etc/docker/daemon.json</c> as the collection's docker role writes it: log rotation, then each optional setting its
/// variable turns on, then <c>docker_custom_config</c> over the top (top-level keys replace, as Ansible's
/// <c>combine</c> without <c>recursive</c>), written as Ansible's <c>to_nice_json</c> (sorted keys, four-space
/// indent, ASCII escapes, no final newline).
/// </summary>
internal static class DockerDaemonJson
{
    /// <summary>The default of a variable the docker role reads, where kolla-ansible's globals defaults do not define it.</summary>
    /// <param name="name">Variable name.</param>
    /// <param name="iptablesOff">The effective <c>docker_disable_default_iptables_rules</c> (the network and forwarding defaults follow it).</param>
    public static object? Default(string name, bool iptablesOff) => name switch
    {
        "docker_log_max_file" => "5",
        "docker_log_max_size" => "50m",
        "docker_registry" => "quay.io",
        "docker_registry_insecure" => false,
        "docker_registry_mirrors" => new List<object?>(),
        "docker_storage_driver" => "",
        "docker_runtime_directory" => "",
        "docker_disable_default_iptables_rules" => true,
        "docker_disable_default_network" or "docker_disable_ip_forward" => iptablesOff,
        "docker_debug" => false,
        "docker_custom_config" => new Dictionary<string, object?>(),
        _ => null,
    };

    /// <summary>Renders the file from the host's values (each already evaluated, defaults applied).</summary>
    /// <param name="value">The value of a docker role variable.</param>
    /// <returns>The file's bytes.</returns>
    /// <exception cref="BootstrapException">A variable has a value of the wrong kind.</exception>
    public static byte[] Render(Func<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var config = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["log-opts"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["max-file"] = value("docker_log_max_file"),
                ["max-size"] = value("docker_log_max_size"),
            },
        };
        if (Flag(value, "docker_registry_insecure"))
        {
            config["insecure-registries"] = new List<object?> { value("docker_registry") };
        }

        if (Length(value, "docker_registry_mirrors") > 0)
        {
            config["registry-mirrors"] = value("docker_registry_mirrors");
        }

        if (Length(value, "docker_storage_driver") > 0)
        {
            config["storage-driver"] = value("docker_storage_driver");
        }

        if (Length(value, "docker_runtime_directory") > 0)
        {
            config["data-root"] = value("docker_runtime_directory");
        }

        if (Flag(value, "docker_disable_default_iptables_rules"))
        {
            config["iptables"] = false;
        }

        if (Flag(value, "docker_disable_default_network"))
        {
            config["bridge"] = "none";
        }

        if (Flag(value, "docker_disable_ip_forward"))
        {
            config["ip-forward"] = false;
        }

        if (Flag(value, "docker_debug"))
        {
            config["debug"] = value("docker_debug");
        }

        switch (value("docker_custom_config"))
        {
            case null:
                break;
            case IEnumerable<KeyValuePair<string, object?>> custom:
                foreach (var (key, item) in custom)
                {
                    config[key] = item;
                }

                break;
            case var other:
                throw new BootstrapException($"docker_custom_config must be a mapping, not '{other}'");
        }

        return Encoding.UTF8.GetBytes(JsonDumps.Write(config, JsonDumpsOptions.SortedIndented));
    }

    /// <summary>Ansible's <c>| bool</c>: true only for its true words (and 1); anything else is false.</summary>
    private static bool Flag(Func<string, object?> value, string name) => AnsibleBoolean.TryParse(value(name), out var result) && result;

    private static int Length(Func<string, object?> value, string name) => value(name) switch
    {
        null => 0,
        string text => text.Length,
        ICollection collection => collection.Count,
        IEnumerable<object?> items => items.Count(),
        var raw => throw new BootstrapException($"{name} must be a string or a list, not '{raw}'"),
    };
}
