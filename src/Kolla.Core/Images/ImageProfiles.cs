namespace Kolla.Images;

/// <summary>The built-in profiles (image name patterns), used when a tree has no <c>profiles.yml</c>.</summary>
internal static class ImageProfiles
{
    /// <summary>Profile name → unanchored image name patterns.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BuiltIn { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["infra"] = ["cron", "fluentd", "haproxy", "keepalived", "kolla-toolbox", "mariadb", "memcached", "openvswitch", "proxysql", "rabbitmq"],
        ["main"] = ["glance", "heat", "horizon", "keystone", "neutron", "nova-", "placement"],
        ["aux"] = ["cinder"],
        ["default"] =
        [
            "cron", "kolla-toolbox", "fluentd", "glance", "haproxy", "heat", "horizon", "keepalived", "keystone", "mariadb", "memcached",
            "neutron", "nova-", "placement", "proxysql", "openvswitch", "rabbitmq",
        ],
    };
}
