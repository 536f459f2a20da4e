namespace Kolla.Prechecks;

/// <summary>The TCP ports the built-in catalogue's containers listen on, as the variables that set them.</summary>
/// <remarks>kolla-ansible's per-role prechecks wait for these ports to be free on hosts where the container is not running yet.</remarks>
public static class PrecheckPorts
{
    /// <summary>Service key to port variables.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BuiltIn { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["fluentd"] = ["fluentd_syslog_port"],
        ["haproxy"] = ["haproxy_monitor_port", "haproxy_stats_port"],
        ["mariadb"] = ["mariadb_port", "mariadb_wsrep_port", "mariadb_ist_port", "mariadb_sst_port"],
        ["memcached"] = ["memcached_port"],
        ["rabbitmq"] = ["rabbitmq_port", "rabbitmq_management_port", "rabbitmq_cluster_port", "rabbitmq_epmd_port"],
        ["keystone"] = ["keystone_public_port", "keystone_internal_port"],
        ["keystone-ssh"] = ["keystone_ssh_port"],
        ["glance-api"] = ["glance_api_port"],
        ["placement-api"] = ["placement_api_port"],
        ["openvswitch-db-server"] = ["ovsdb_port"],
        ["nova-api"] = ["nova_api_port"],
        ["nova-metadata"] = ["nova_metadata_port"],
        ["nova-novncproxy"] = ["nova_novncproxy_port"],
        ["nova-ssh"] = ["nova_ssh_port"],
        ["nova-libvirt"] = ["nova_libvirt_port"],
        ["neutron-server"] = ["neutron_server_port"],
        ["horizon"] = ["horizon_listen_port"],
    };
}
