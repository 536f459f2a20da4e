using Kolla.Compat;

namespace Kolla.Globals;

/// <summary>
/// kolla-ansible's defaults for the globals Kolla for .NET knows (its <c>ansible/group_vars/all</c>), written
/// the same way: plain values, or Jinja expressions over other variables that are evaluated when used, so a
/// value set in <c>globals.yml</c> or the inventory flows into the defaults derived from it.
/// </summary>
internal static class GlobalsDefaults
{
    /// <summary>The defaults, as kolla-ansible spells them (YAML).</summary>
    public const string Yaml = """
        # Release and images
        kolla_base_distro: "rocky"
        kolla_base_distro_version_default_map:
          debian: "trixie"
          rocky: "10"
          ubuntu: "noble"
        kolla_base_distro_version: "{{ kolla_base_distro_version_default_map[kolla_base_distro] }}"
        openstack_release: "master"
        openstack_tag_suffix: ""
        openstack_tag: "{{ openstack_release }}-{{ kolla_base_distro }}-{{ kolla_base_distro_version }}{{ openstack_tag_suffix }}"
        docker_registry: "quay.io"
        docker_namespace: "openstack.kolla"
        docker_image_name_prefix: ""
        docker_image_url: "{{ docker_registry ~ '/' if docker_registry else '' }}{{ docker_namespace }}/{{ docker_image_name_prefix }}"
        docker_registry_username:
        docker_registry_insecure: false

        # Containers
        kolla_container_engine: "docker"
        config_strategy: "COPY_ALWAYS"
        docker_restart_policy: "unless-stopped"
        docker_restart_policy_retry: "10"
        docker_graceful_timeout: 60
        docker_client_timeout: 120
        enable_container_healthchecks: true
        default_container_healthcheck_interval: 30
        default_container_healthcheck_timeout: 30
        default_container_healthcheck_retries: 3
        default_container_healthcheck_start_period: 5
        container_http_proxy: ""
        container_https_proxy: ""
        container_no_proxy: "localhost,127.0.0.1"
        container_proxy_no_proxy_entries:
          - "{{ container_no_proxy }}"
          - "{{ api_interface_address }}"
          - "{{ kolla_internal_vip_address | default('') }}"
        container_proxy:
          http_proxy: "{{ container_http_proxy }}"
          https_proxy: "{{ container_https_proxy }}"
          no_proxy: "{{ container_proxy_no_proxy_entries | select | join(',') }}"

        # Paths (node_config is the deploy host's config dir, the CLI's --configdir)
        node_config: "{{ CONFIG_DIR | default('/etc/kolla') }}"
        node_custom_config: "{{ node_config }}/config"
        node_config_directory: "/etc/kolla"
        container_config_directory: "/var/lib/kolla/config_files"

        # Networking
        network_interface: "eth0"
        api_interface: "{{ network_interface }}"
        tunnel_interface: "{{ network_interface }}"
        dns_interface: "{{ network_interface }}"
        migration_interface: "{{ api_interface }}"
        kolla_external_vip_interface: "{{ network_interface }}"
        neutron_external_interface: "eth1"
        network_address_family: "ipv4"
        api_address_family: "{{ network_address_family }}"
        api_interface_address: "{{ 'api' | kolla_address }}"
        tunnel_address_family: "{{ network_address_family }}"
        migration_address_family: "{{ api_address_family }}"
        dns_address_family: "{{ network_address_family }}"
        storage_address_family: "{{ network_address_family }}"
        kolla_internal_vip_address: "{{ kolla_internal_address | default('') }}"
        kolla_internal_fqdn: "{{ kolla_internal_vip_address }}"
        kolla_external_vip_address: "{{ kolla_internal_vip_address }}"
        kolla_same_external_internal_vip: "{{ kolla_external_vip_address == kolla_internal_vip_address }}"
        kolla_external_fqdn: "{{ kolla_internal_fqdn if kolla_same_external_internal_vip | bool else kolla_external_vip_address }}"
        kolla_enable_tls_internal: false
        kolla_enable_tls_external: "{{ kolla_enable_tls_internal if kolla_same_external_internal_vip | bool else false }}"
        kolla_enable_tls_backend: false
        internal_protocol: "{{ 'https' if kolla_enable_tls_internal | bool else 'http' }}"
        public_protocol: "{{ 'https' if kolla_enable_tls_external | bool else 'http' }}"

        # OpenStack
        openstack_region_name: "RegionOne"
        openstack_logging_debug: "False"
        om_rpc_transport: "rabbit"
        om_notify_transport: "rabbit"
        neutron_plugin_agent: "openvswitch"
        nova_compute_virt_type: "kvm"
        nova_console: "novnc"
        nova_safety_upgrade: false
        database_user: "root"
        database_port: "3306"
        database_address: "{{ kolla_internal_fqdn }}"
        memcached_port: "11211"
        rabbitmq_user: "openstack"
        rabbitmq_enable_tls: false
        rabbitmq_port: "{{ '5671' if rabbitmq_enable_tls | bool else '5672' }}"

        # Services: the core set and what derives from it
        enable_openstack_core: true
        enable_keystone: "{{ enable_openstack_core | bool }}"
        enable_glance: "{{ enable_openstack_core | bool }}"
        enable_nova: "{{ enable_openstack_core | bool }}"
        enable_neutron: "{{ enable_openstack_core | bool }}"
        enable_heat: "{{ enable_openstack_core | bool }}"
        enable_horizon: "{{ enable_openstack_core | bool }}"
        enable_placement: "{{ enable_nova | bool }}"
        enable_mariadb: true
        enable_proxysql: "{{ enable_mariadb | bool }}"
        enable_memcached: true
        enable_rabbitmq: "{{ om_rpc_transport == 'rabbit' or om_notify_transport == 'rabbit' }}"
        enable_haproxy: true
        enable_keepalived: "{{ enable_haproxy | bool }}"
        enable_loadbalancer: "{{ enable_haproxy | bool or enable_keepalived | bool or enable_proxysql | bool }}"
        enable_fluentd: true
        enable_openvswitch: "{{ enable_neutron | bool }}"
        enable_ovn: "{{ enable_neutron | bool and neutron_plugin_agent == 'ovn' }}"
        enable_nova_ssh: true
        enable_nova_libvirt_container: "{{ nova_compute_virt_type in ['kvm', 'qemu'] }}"
        enable_iscsid: "{{ enable_cinder | bool and enable_cinder_backend_iscsi | bool }}"
        enable_cinder_backend_iscsi: "{{ enable_cinder_backend_lvm | bool }}"
        enable_cinder_backend_lvm: false
        enable_cinder_backup: true
        enable_cells: false
        enable_central_logging: false
        enable_fluentd_systemd: "{{ enable_fluentd | bool and enable_central_logging | bool }}"
        enable_hacluster: "{{ enable_masakari_hostmonitor | bool }}"
        enable_masakari_hostmonitor: "{{ enable_masakari | bool }}"
        enable_masakari_instancemonitor: "{{ enable_masakari | bool }}"
        enable_ironic_dnsmasq: "{{ enable_ironic | bool }}"
        enable_horizon_heat: "{{ enable_heat | bool }}"
        enable_prometheus_server: "{{ enable_prometheus | bool }}"
        enable_prometheus_node_exporter: "{{ enable_prometheus | bool }}"
        enable_prometheus_haproxy_exporter: "{{ enable_haproxy | bool }}"
        enable_prometheus_mysqld_exporter: "{{ enable_mariadb | bool }}"
        enable_prometheus_memcached_exporter: "{{ enable_memcached | bool }}"
        enable_prometheus_alertmanager: "{{ enable_prometheus | bool }}"
        enable_prometheus_cadvisor: "{{ enable_prometheus | bool }}"
        enable_opensearch: >-
          {{ enable_central_logging | bool or enable_osprofiler | bool or
            (enable_cloudkitty | bool and cloudkitty_storage_backend == 'opensearch') }}
        cloudkitty_storage_backend: "sqlalchemy"
        enable_opensearch_dashboards: "{{ enable_opensearch | bool }}"
        enable_grafana_external: "{{ enable_grafana | bool }}"
        enable_aodh: false
        enable_barbican: false
        enable_blazar: false
        enable_ceilometer: false
        enable_ceph_rgw: false
        enable_cinder: false
        enable_cloudkitty: false
        enable_collectd: false
        enable_cyborg: false
        enable_designate: false
        enable_etcd: false
        enable_gnocchi: false
        enable_grafana: false
        enable_ironic: false
        enable_letsencrypt: false
        enable_magnum: false
        enable_manila: false
        enable_mariabackup: false
        enable_masakari: false
        enable_mistral: false
        enable_multipathd: false
        enable_octavia: false
        enable_osprofiler: false
        enable_prometheus: false
        enable_skyline: false
        enable_tacker: false
        enable_trove: false
        enable_valkey: false
        enable_watcher: false
        """;

    /// <summary>The defaults as values (parsed once; read-only).</summary>
    public static IReadOnlyDictionary<string, object?> Values { get; } = Parse();

    private static IReadOnlyDictionary<string, object?> Parse() =>
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, object?>((OrderedDictionary<string, object?>)YamlLoader.Load(Yaml, AnsibleYamlProfile.Vars)!);
}
