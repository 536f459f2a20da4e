namespace Kolla.Passwords;

/// <summary>
/// Which keys <c>passwords.yml</c> holds and what kind of value each gets, as kolla-genpwd decides it.
/// </summary>
internal static class PasswordCatalog
{
    /// <summary>Length of generated passwords.</summary>
    public const int PasswordLength = 40;

    /// <summary>Keys holding SSH key pairs.</summary>
    public static IReadOnlyList<string> SshKeys { get; } =
        ["kolla_ssh_key", "nova_ssh_key", "keystone_ssh_key", "bifrost_ssh_key", "octavia_amp_ssh_key", "neutron_ssh_key", "haproxy_ssh_key"];

    /// <summary>Keys holding UUIDs.</summary>
    public static IReadOnlyList<string> UuidKeys { get; } =
        ["rbd_secret_uuid", "cinder_rbd_secret_uuid", "gnocchi_project_id", "gnocchi_resource_id", "gnocchi_user_id", "designate_pool_id"];

    /// <summary>Keys holding HMAC-MD5 hex digests.</summary>
    public static IReadOnlyList<string> HmacMd5Keys { get; } = ["designate_rndc_key", "osprofiler_secret"];

    /// <summary>Keys holding Fernet keys.</summary>
    public static IReadOnlyList<string> FernetKeys { get; } = ["barbican_crypto_key"];

    /// <summary>Keys holding bcrypt salts.</summary>
    public static IReadOnlyList<string> BcryptSaltKeys { get; } = ["prometheus_bcrypt_salt"];

    /// <summary>Keys genpwd leaves empty.</summary>
    public static IReadOnlyList<string> BlankKeys { get; } = ["docker_registry_password"];

    /// <summary>
    /// Every key of kolla-ansible's shipped <c>etc/kolla/passwords.yml</c>, so a passwords file can be created
    /// from nothing (<c>kolla genpwd</c> on a missing file).
    /// </summary>
    public static IReadOnlyList<string> BuiltInKeys { get; } =
    [
        "rbd_secret_uuid", "cinder_rbd_secret_uuid",
        "database_password", "mariadb_backup_database_password", "mariadb_monitor_password",
        "docker_registry_password",
        "hnas_nfs_password",
        "infoblox_admin_password",
        "aodh_database_password", "aodh_keystone_password",
        "barbican_database_password", "barbican_keystone_password", "barbican_p11_password", "barbican_crypto_key",
        "blazar_database_password", "blazar_keystone_password",
        "keystone_admin_password", "keystone_database_password",
        "grafana_database_password", "grafana_admin_password",
        "glance_database_password", "glance_keystone_password",
        "gnocchi_database_password", "gnocchi_keystone_password",
        "nova_database_password", "nova_api_database_password", "nova_keystone_password",
        "placement_keystone_password", "placement_database_password",
        "neutron_database_password", "neutron_keystone_password", "metadata_secret",
        "cinder_database_password", "cinder_keystone_password",
        "cloudkitty_database_password", "cloudkitty_keystone_password",
        "cyborg_database_password", "cyborg_keystone_password",
        "designate_database_password", "designate_keystone_password", "designate_pool_id", "designate_rndc_key",
        "heat_database_password", "heat_keystone_password", "heat_domain_admin_password",
        "ironic_database_password", "ironic_keystone_password",
        "magnum_database_password", "magnum_keystone_password",
        "mistral_database_password", "mistral_keystone_password",
        "trove_database_password", "trove_keystone_password",
        "ceilometer_database_password", "ceilometer_keystone_password",
        "watcher_database_password", "watcher_keystone_password",
        "horizon_secret_key", "horizon_database_password",
        "telemetry_secret_key",
        "manila_database_password", "manila_keystone_password",
        "octavia_database_password", "octavia_persistence_database_password", "octavia_keystone_password", "octavia_ca_password", "octavia_client_ca_password",
        "tacker_database_password", "tacker_keystone_password",
        "masakari_database_password", "masakari_keystone_password",
        "memcache_secret_key",
        "skyline_secret_key", "skyline_database_password", "skyline_keystone_password",
        "osprofiler_secret",
        "nova_ssh_key", "kolla_ssh_key", "keystone_ssh_key", "bifrost_ssh_key", "octavia_amp_ssh_key", "neutron_ssh_key", "haproxy_ssh_key",
        "gnocchi_project_id", "gnocchi_resource_id", "gnocchi_user_id",
        "rabbitmq_password", "rabbitmq_monitoring_password", "rabbitmq_cluster_cookie",
        "haproxy_password", "keepalived_password",
        "etcd_cluster_token",
        "valkey_master_password",
        "prometheus_mysql_exporter_database_password", "prometheus_alertmanager_password", "prometheus_password",
        "prometheus_grafana_password", "prometheus_haproxy_password", "prometheus_skyline_password", "prometheus_bcrypt_salt",
        "keystone_federation_openid_crypto_password",
        "ceph_rgw_keystone_password",
        "libvirt_sasl_password",
        "proxysql_admin_password", "proxysql_stats_password",
        "opensearch_dashboards_password",
    ];

    /// <summary>The kind of value generated for a key (unknown keys get a <see cref="PasswordKind.Password"/>).</summary>
    public static PasswordKind KindOf(string key) => key switch
    {
        _ when SshKeys.Contains(key) => PasswordKind.SshKeyPair,
        _ when UuidKeys.Contains(key) => PasswordKind.Uuid,
        _ when HmacMd5Keys.Contains(key) => PasswordKind.HmacMd5,
        _ when FernetKeys.Contains(key) => PasswordKind.FernetKey,
        _ when BcryptSaltKeys.Contains(key) => PasswordKind.BcryptSalt,
        _ when BlankKeys.Contains(key) => PasswordKind.AlwaysBlank,
        _ => PasswordKind.Password,
    };
}
