namespace Kolla.Configuration;

/// <summary>
/// The override search path kolla-ansible uses for a service file, as data: which role template and which files
/// under <c>node_custom_config</c> (<c>/etc/kolla/config</c>) are read, in which order, for a project, a service
/// key (container), a host and a file.
/// </summary>
/// <remarks>
/// Read from kolla-ansible's role <c>tasks/config.yml</c> files (commit 1a681814). The standard OpenStack pattern for
/// <c>P.conf</c> of service <c>K</c> on host <c>H</c> is: template <c>P.conf.j2</c>, <c>global.conf</c>, <c>P.conf</c>,
/// <c>P/K.conf</c>, <c>P/H/P.conf</c>. <c>database.conf</c> and <c>messaging.conf</c> are not read by any current task.
/// Services, directories and override names use the service key (<c>nova-api</c>), not the container name.
/// </remarks>
/// <example>
/// <code>
/// var lookup = OverrideSearchPath.For("nova", "nova-compute", "compute01", "nova.conf");
/// // template nova.conf.j2, global.conf, nova.conf, nova/nova-compute.conf, nova/compute01/nova.conf,
/// // nova/compute01/nova-compute.conf
/// </code>
/// </example>
public static class OverrideSearchPath
{
    /// <summary>Projects whose <c>P.conf</c> follows the standard 5-step pattern.</summary>
    public static IReadOnlyList<string> StandardProjects { get; } =
    [
        "aodh", "barbican", "blazar", "ceilometer", "cinder", "cloudkitty", "cyborg", "designate", "gnocchi", "heat",
        "ironic", "keystone", "magnum", "manila", "masakari", "mistral", "neutron", "nova", "octavia", "placement",
        "tacker", "trove", "watcher",
    ];

    /// <summary>nova-cell services that read a sixth step, <c>nova/&lt;host&gt;/&lt;service&gt;.conf</c>.</summary>
    public static IReadOnlyList<string> NovaCellServices { get; } =
        ["nova-conductor", "nova-compute", "nova-compute-ironic", "nova-novncproxy", "nova-serialproxy", "nova-spicehtml5proxy"];

    private const string Standard = "T:{F}.j2 ; global.conf ; {F} ; {P}/{K}.conf ; {P}/{H}/{F}";
    private const string AgentWithHost = "T:{F}.j2 ; neutron/{F} ; neutron/{H}/{F}";
    private const string AgentProjectOnly = "T:{F}.j2 ; neutron/{F}";

    /// <summary>
    /// The rules, most specific first. Steps are separated by <c> ; </c>, first-found candidates by <c> | </c>;
    /// <c>T:</c> marks a role template, <c>D:</c> a directory pattern; <c>{P}</c>, <c>{K}</c>, <c>{H}</c>, <c>{F}</c>
    /// stand for project, service key, host and file.
    /// </summary>
    private static readonly Rule[] Rules =
    [
        // nova: bootstrap containers borrow another service's file; nova-cell services add a host/service step.
        new("nova", "nova.conf", ["nova-api-bootstrap"], "T:{F}.j2 ; global.conf ; {F} ; nova/nova-api.conf ; nova/{H}/{F}"),
        new("nova", "nova.conf", ["nova-cell-bootstrap"], "T:{F}.j2 ; global.conf ; {F} ; nova/nova-conductor.conf ; nova/{H}/{F}"),
        new("nova", "nova.conf", [.. NovaCellServices], Standard + " ; nova/{H}/{K}.conf"),
        new("nova", "qemu.conf", null, "nova/{H}/qemu.conf.j2 | nova/qemu.conf.j2 | T:qemu.conf.j2", OverrideMode.WholeFile),
        new("nova", "libvirtd.conf", null, "nova/{H}/libvirtd.conf.j2 | nova/libvirtd.conf.j2 | T:libvirtd.conf.j2", OverrideMode.WholeFile),
        new("nova", "multipath.conf", null, "nova/{H}/multipath.conf | multipath/{H}/multipath.conf | nova/multipath.conf | multipath.conf | T:multipath.conf.j2", OverrideMode.WholeFile),
        new("nova", "release", null, "nova_compute/{H}/release | nova_compute/release | nova/release", OverrideMode.WholeFile),

        // manila-share merges two templates and a service-named file at the top level.
        new("manila", "manila.conf", ["manila-share"], "T:manila.conf.j2 ; T:manila-share.conf.j2 ; global.conf ; manila.conf ; manila-share.conf ; manila/manila-share.conf ; manila/{H}/manila.conf"),

        // masakari
        new("masakari", "masakari-monitors.conf", null, "T:{F}.j2 ; global.conf ; masakari/{K}.conf ; masakari/masakari-monitors.conf ; masakari/{H}/masakari-monitors.conf"),
        new("masakari", "masakari-api-paste.ini", null, "T:{F}.j2 ; masakari/masakari-api/masakari-api-paste.ini"),

        // glance: per-file names instead of glance.conf at the host level.
        new("glance", "glance-api.conf", null, "T:{F}.j2 ; global.conf ; glance.conf ; glance/glance-api.conf ; glance/{H}/glance-api.conf"),
        new("glance", "glance-cache.conf", null, "T:{F}.j2 ; glance-cache.conf ; glance/glance-cache.conf ; glance/{H}/glance-cache.conf"),
        new("glance", "glance-tls-proxy.cfg", null, "glance/{H}/glance-tls-proxy.cfg | glance/glance-tls-proxy.cfg | T:glance-tls-proxy.cfg.j2", OverrideMode.WholeFile),

        new("cyborg", "api-paste.ini", null, "T:cyborg-api-paste.ini.j2 ; cyborg/cyborg-api-paste.ini"),
        new("trove", "trove-guestagent.conf", null, "T:{F}.j2 ; trove-guestagent.conf ; trove/trove-guestagent.conf ; trove/{H}/trove-guestagent.conf"),
        new("grafana", "grafana.ini", null, "T:{F}.j2 ; grafana.ini ; grafana/{H}/grafana.ini"),

        // mariadb: no global.conf; host files under mariadb/.
        new("mariadb", "galera.cnf", null, "T:{F}.j2 ; galera.cnf ; mariadb/{H}/galera.cnf"),
        new("mariadb", "healthcheck.cnf", null, "T:{F}.j2 ; healthcheck.cnf ; mariadb/{H}/healthcheck.cnf"),
        new("mariadb", "my.cnf", ["mariabackup"], "T:backup.my.cnf.j2 ; backup.my.cnf ; mariadb/{H}/backup.my.cnf"),

        // neutron plugin and agent files read neither global.conf nor a top-level file.
        .. AgentRules(AgentWithHost, "ml2_conf.ini", "openvswitch_agent.ini", "sriov_agent.ini", "mlnx_agent.ini", "eswitchd.conf",
            "dhcp_agent.ini", "l3_agent.ini", "neutron_vpnaas.conf", "neutron_taas.conf"),
        .. AgentRules(AgentProjectOnly, "fwaas_driver.ini", "metadata_agent.ini", "neutron_ovn_metadata_agent.ini",
            "neutron_ovn_vpn_agent.ini", "metering_agent.ini", "ironic_neutron_agent.ini", "bgp_dragent.ini", "ovn_agent.ini"),
        new("neutron", "dnsmasq.conf", null, "neutron/{H}/dnsmasq.conf | neutron/dnsmasq.conf | T:dnsmasq.conf.j2", OverrideMode.WholeFile),

        // prometheus: the mysqld exporter lists the template last (the template wins).
        new("prometheus", "my.cnf", ["prometheus-mysqld-exporter"], "prometheus-mysqld-exporter/{H}/my.cnf ; prometheus-mysqld-exporter/my.cnf ; T:my.cnf.j2"),
        new("prometheus", "prometheus.yml", null, "prometheus/{H}/prometheus.yml | prometheus/prometheus.yml | T:prometheus.yml.j2 ; D:prometheus/prometheus.yml.d/*.yml ; D:prometheus/{H}/prometheus.yml.d/*.yml", OverrideMode.Merge, ConfigFileFormat.Yaml, ExtendLists: true),
        new("prometheus", "web.yml", null, "prometheus/{H}/web.yml | prometheus/web.yml | T:prometheus-web.yml.j2", OverrideMode.WholeFile),
        new("prometheus", "prometheus-alertmanager.yml", null, "prometheus/{H}/{F} | prometheus/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("prometheus", "prometheus-blackbox-exporter.yml", null, "prometheus/{H}/{F} | prometheus/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("prometheus", "clouds.yml", null, "prometheus-openstack-exporter/{H}/{F} | prometheus-openstack-exporter/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("prometheus", "openstack-network-exporter.yaml", null, "prometheus-openstack-network-exporter/{H}/{F} | prometheus-openstack-network-exporter/{F} | T:{F}.j2", OverrideMode.WholeFile),

        // keystone extras.
        new("keystone", "httpd-keystone.conf", null, "keystone/{H}/{F} | keystone/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("keystone", "keystone-paste.ini", null, "keystone/{F}", OverrideMode.WholeFile),

        // ironic, designate, collectd, cron whole files.
        new("ironic", "ironic-dnsmasq.conf", null, "ironic/{F} | ironic/{H}/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("ironic", "pxelinux.default", null, "ironic/{F} | ironic/{H}/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("ironic", "ipa.ipxe", null, "ironic/{H}/{F} | ironic/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("ironic", "ironic-http-httpd.conf", null, "ironic/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("designate", "pools.yaml", null, "designate/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("designate", "named.conf", null, "designate/designate-backend-bind9/{H}/{F} | designate/designate-backend-bind9/{F} | designate/{F} | T:{F}.j2", OverrideMode.WholeFile),
        new("collectd", "collectd.conf", null, "collectd/{H}/{F} | collectd/{F} | {F} | T:{F}.j2", OverrideMode.WholeFile),
        new("cron", "cron-logrotate-global.conf", null, "cron/{H}/{F} | cron/{F} | T:{F}.j2", OverrideMode.WholeFile),

        // YAML merges.
        new("ceilometer", "event_pipeline.yaml", null, "T:{F}.j2 ; ceilometer/{F} ; ceilometer/{H}/{F}", OverrideMode.Merge, ConfigFileFormat.Yaml),
        new("opensearch", "opensearch.yml", null, "T:{F}.j2 ; {F} ; opensearch/{F} ; opensearch/{H}/{F}", OverrideMode.Merge, ConfigFileFormat.Yaml),
        new("opensearch", "opensearch_dashboards.yml", null, "T:{F}.j2 ; opensearch/{F} ; opensearch/{H}/{F}", OverrideMode.Merge, ConfigFileFormat.Yaml),
        new("skyline", "skyline.yaml", null, "T:{F}.j2 ; skyline/{F}", OverrideMode.Merge, ConfigFileFormat.Yaml),
        new("bifrost", "bifrost.yml", null, "T:{F}.j2 ; {F} ; bifrost/{F}", OverrideMode.Merge, ConfigFileFormat.Yaml),
        new("bifrost", "dib.yml", null, "T:{F}.j2 ; {F} ; bifrost/{F}", OverrideMode.Merge, ConfigFileFormat.Yaml),
        new("bifrost", "servers.yml", null, "T:{F}.j2 ; {F} ; bifrost/{F}", OverrideMode.Merge, ConfigFileFormat.Yaml),
    ];

    /// <summary>
    /// The search path for <paramref name="file"/> of service <paramref name="serviceKey"/> of
    /// <paramref name="project"/> on <paramref name="host"/> (the inventory name, matched exactly).
    /// </summary>
    /// <param name="project">The project / role name as used in the override tree (<c>nova</c>, also for nova-cell services).</param>
    /// <param name="serviceKey">The service key (<c>nova-compute</c>), not the container name.</param>
    /// <param name="host">The inventory hostname.</param>
    /// <param name="file">The file name (<c>nova.conf</c>).</param>
    /// <exception cref="ArgumentException">No rule is known for this project and file.</exception>
    public static OverrideLookup For(string project, string serviceKey, string host, string file) =>
        TryFor(project, serviceKey, host, file)
        ?? throw new ArgumentException($"no override search path is known for {file} of {project} ({serviceKey})", nameof(file));

    /// <summary>As <see cref="For"/>, or null when no rule is known.</summary>
    public static OverrideLookup? TryFor(string project, string serviceKey, string host, string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        ArgumentException.ThrowIfNullOrEmpty(serviceKey);
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(file);
        foreach (var rule in Rules)
        {
            if (rule.Project == project && rule.File == file && (rule.Services is null || rule.Services.Contains(serviceKey)))
            {
                return rule.Expand(project, serviceKey, host, file);
            }
        }

        if (file == project + ".conf")
        {
            // Every OpenStack project's main file follows the standard pattern (the StandardProjects list and beyond).
            return new Rule(project, file, null, Standard).Expand(project, serviceKey, host, file);
        }

        return null;
    }

    /// <summary>
    /// The policy file of a project: the first existing of <c>P/policy.yaml</c> and <c>P/policy.json</c>, rendered
    /// whole into each service directory that needs it, under its own name.
    /// </summary>
    public static OverrideLookup Policy(string project)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        return new Rule(project, "policy", null, "{P}/policy.yaml | {P}/policy.json", OverrideMode.WholeFile)
            .Expand(project, "-", "-", "policy");
    }

    private static IEnumerable<Rule> AgentRules(string steps, params string[] files) =>
        files.Select(f => new Rule("neutron", f, null, steps));

    private sealed record Rule(
        string Project,
        string File,
        string[]? Services,
        string Steps,
        OverrideMode Mode = OverrideMode.Merge,
        ConfigFileFormat? Format = null,
        bool ExtendLists = false)
    {
        public OverrideLookup Expand(string project, string serviceKey, string host, string file)
        {
            string Fill(string pattern) => pattern
                .Replace("{P}", project, StringComparison.Ordinal)
                .Replace("{K}", serviceKey, StringComparison.Ordinal)
                .Replace("{H}", host, StringComparison.Ordinal)
                .Replace("{F}", file, StringComparison.Ordinal);

            var steps = Steps.Split(" ; ")
                .Select(step => new OverrideStep(step.Split(" | ").Select(candidate => candidate switch
                {
                    _ when candidate.StartsWith("T:", StringComparison.Ordinal) => OverrideSource.Template(Fill(candidate[2..])),
                    _ when candidate.StartsWith("D:", StringComparison.Ordinal) => new OverrideSource(OverrideSourceKind.CustomDirectory, Fill(candidate[2..])),
                    _ => OverrideSource.Custom(Fill(candidate)),
                }).ToList()))
                .ToList();
            var format = Format ?? (Mode == OverrideMode.WholeFile ? ConfigFileFormat.Text : ConfigFileFormat.Ini);
            return new OverrideLookup(file, format, Mode, steps, ExtendLists);
        }
    }
}
