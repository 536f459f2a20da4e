using System.Text.RegularExpressions;

namespace Kolla.Globals;

/// <summary>The expected type of each known global, derived from the defaults table, and the globals checked on read.</summary>
internal static partial class GlobalsSchema
{
    private static readonly HashSet<string> TemplatedBooleans = new(StringComparer.Ordinal)
    {
        "kolla_enable_tls_external",
        "kolla_same_external_internal_vip",
    };

    /// <summary>The kind of a key, or null for a free-form key Kolla does not interpret.</summary>
    public static GlobalKind? KindOf(string key)
    {
        if (key.StartsWith("enable_", StringComparison.Ordinal) || TemplatedBooleans.Contains(key))
        {
            return GlobalKind.Boolean;
        }

        if (!GlobalsDefaults.Values.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            bool => GlobalKind.Boolean,
            long => GlobalKind.Integer,
            IReadOnlyDictionary<string, object?> => GlobalKind.Mapping,
            System.Collections.IList => GlobalKind.List,
            _ => GlobalKind.Text,
        };
    }

    /// <summary>
    /// The globals the library itself interprets, evaluated (over the defaults) whenever globals are read, each with the
    /// values it may take. What must be set for a deployment (the VIP, interfaces) is for prechecks: it may come from the inventory.
    /// </summary>
    public static IReadOnlyList<GlobalCheck> Checks { get; } =
    [
        new("kolla_base_distro") { OneOf = ["rocky", "debian", "ubuntu"] },
        new("kolla_base_distro_version"),
        new("openstack_release"),
        new("openstack_tag_suffix"),
        new("openstack_tag") { Format = (DockerTag(), "a valid image tag") },
        new("kolla_internal_vip_address"),
        new("kolla_external_vip_address"),
        new("kolla_internal_fqdn"),
        new("kolla_external_fqdn"),
        new("network_interface"),
        new("api_interface"),
        new("tunnel_interface"),
        new("neutron_external_interface"),
        new("docker_registry"),
        new("docker_namespace"),
        new("docker_image_name_prefix"),
        new("node_config"),
        new("node_config_directory"),
        new("node_custom_config"),
        new("container_config_directory"),
        new("config_strategy") { OneOf = ["COPY_ALWAYS", "COPY_ONCE"] },
        new("kolla_container_engine"),
        new("docker_restart_policy") { OneOf = ["no", "on-failure", "always", "unless-stopped", "oneshot"] },
        new("docker_restart_policy_retry", GlobalKind.Integer) { Minimum = 0 },
        new("docker_graceful_timeout", GlobalKind.Integer) { Minimum = 0 },
        new("docker_client_timeout", GlobalKind.Integer) { Minimum = 1 },
    ];

    public static string Describe(GlobalKind kind) => kind switch
    {
        GlobalKind.Boolean => "a boolean (yes/no, true/false, on/off, 1/0)",
        GlobalKind.Integer => "a whole number",
        GlobalKind.Mapping => "a mapping",
        GlobalKind.List => "a list",
        _ => "a single value (text or number)",
    };

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex DockerTag();
}
