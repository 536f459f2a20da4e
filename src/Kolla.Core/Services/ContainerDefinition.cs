namespace Kolla.Services;

/// <summary>
/// One container of a service, as kolla-ansible's <c>&lt;role&gt;_services</c> entry describes it, plus the
/// files it receives and its <c>config.json</c>.
/// </summary>
/// <remarks>String values may hold Jinja expressions; they are rendered per host by the planner.</remarks>
public sealed record ContainerDefinition
{
    /// <summary>Service key, hyphenated (<c>nova-api</c>): names the config directory and override files.</summary>
    public required string Key { get; init; }

    /// <summary>Container name, underscored (<c>nova_api</c>).</summary>
    public required string ContainerName { get; init; }

    /// <summary>Inventory group whose hosts run it (<c>all</c> for every host).</summary>
    public required string Group { get; init; }

    /// <summary>Optional per-host boolean expression that overrides <see cref="Group"/> (kolla's <c>host_in_groups</c>).</summary>
    public string? HostInGroups { get; init; }

    /// <summary>Boolean expression: whether the container is deployed at all (<c>{{ enable_keystone }}</c>).</summary>
    public string Enabled { get; init; } = "true";

    /// <summary>Image reference expression (<c>{{ keystone_image_full }}</c>).</summary>
    public required string Image { get; init; }

    /// <summary>Volumes (kolla notation); empty entries are dropped after rendering.</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];

    /// <summary>Environment in order; a null value means "present but empty".</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Environment { get; init; } = [];

    /// <summary>Boolean expression for privileged mode.</summary>
    public string Privileged { get; init; } = "false";

    /// <summary>PID namespace mode expression.</summary>
    public string? PidMode { get; init; }

    /// <summary>IPC namespace mode expression.</summary>
    public string? IpcMode { get; init; }

    /// <summary>cgroup namespace mode expression.</summary>
    public string? CgroupnsMode { get; init; }

    /// <summary>Capabilities to add.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Security options.</summary>
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    /// <summary>tmpfs mounts.</summary>
    public IReadOnlyList<string> Tmpfs { get; init; } = [];

    /// <summary>Labels.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    /// <summary>Command override expression (rare).</summary>
    public string? Command { get; init; }

    /// <summary>Dimensions: a raw mapping, or an expression naming one (<c>{{ default_container_dimensions }}</c>).</summary>
    public object? Dimensions { get; init; }

    /// <summary>Health check: a raw mapping with kolla's five keys (values may be expressions), or null.</summary>
    public object? Healthcheck { get; init; }

    /// <summary>Restart policy expression; default kolla's <c>docker_restart_policy</c>.</summary>
    public string? RestartPolicy { get; init; }

    /// <summary>
    /// How this container may be restarted, overriding <see cref="ServiceDefinition.Restart"/> (null = the service's):
    /// <c>nova_libvirt</c> is <see cref="RestartStrategy.SpecChangeOnly"/> while the rest of nova restarts in parallel.
    /// </summary>
    public RestartStrategy? Restart { get; init; }

    /// <summary>
    /// Shell commands run inside the container (<c>sh -c</c>), in order, each time it has been created, recreated,
    /// restarted or started and is healthy (see <see cref="PostStartBeforeHealthy"/>): kolla-ansible's tasks that exec into a running container (the libvirt SASL
    /// user, Open vSwitch's system id and bridges). Jinja text; a failing command fails the container.
    /// </summary>
    public IReadOnlyList<string> PostStart { get; init; } = [];

    /// <summary>
    /// Whether <see cref="PostStart"/> runs as soon as the container is started, before the converge waits for it to be
    /// healthy: for a container whose health check depends on what those commands create (MariaDB's check logs in as the
    /// monitor user its post-start command creates). The commands must then wait for the service themselves.
    /// </summary>
    public bool PostStartBeforeHealthy { get; init; }

    /// <summary>
    /// Bootstrap jobs of the service (by name) after which the running container is told to reload: when any host ran one
    /// of them in a converge, every host's container gets SIGHUP once the service is done everywhere. kolla-ansible
    /// refreshes nova-scheduler's cell cache this way after cells are created (a scheduler started before keeps its list).
    /// </summary>
    public IReadOnlyList<string> ReloadAfter { get; init; } = [];

    /// <summary>
    /// Whether the container is a Galera node whose hosts form one cluster: when none of them has the cluster yet (no
    /// container and no data volume, the volume mounted at <c>/var/lib/mysql</c>) and there are more than one, the converge
    /// starts the first host's container with <c>BOOTSTRAP_ARGS=--wsrep-new-cluster</c>, lets the others join one at a time,
    /// then restarts the first as an ordinary member (kolla-ansible's mariadb <c>bootstrap_cluster</c> tasks and handlers).
    /// </summary>
    public bool GaleraCluster { get; init; }

    /// <summary>
    /// Which cluster a host's Galera node belongs to (a template, rendered per host; null: one cluster of all the
    /// container's hosts). Hosts with different names form separate clusters, each bootstrapped on its own, as
    /// kolla-ansible's MariaDB shards (<c>mariadb_shard_group</c>) do.
    /// </summary>
    public string? GaleraClusterName { get; init; }

    /// <summary>What the prechecks verify for it (the ports it listens on); <see cref="ContainerPrechecks.None"/> by default.</summary>
    public ContainerPrechecks Prechecks { get; init; } = ContainerPrechecks.None;

    /// <summary>Files rendered into the container's config directory.</summary>
    public IReadOnlyList<ServiceFileDefinition> Files { get; init; } = [];

    /// <summary>The <c>config.json</c> template: a mapping in kolla_set_configs' schema; entries may carry a <c>when</c> expression.</summary>
    public required IReadOnlyDictionary<string, object?> ConfigJson { get; init; }
}
