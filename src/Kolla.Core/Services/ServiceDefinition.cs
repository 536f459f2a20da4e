namespace Kolla.Services;

/// <summary>
/// One service of the catalogue (a kolla-ansible role): its containers, the variables it defaults, the
/// services that must be up before it, and how its containers may be restarted.
/// </summary>
/// <remarks>
/// Counterpart of a kolla-ansible role: <c>defaults/main.yml</c> (<c>&lt;role&gt;_services</c> and its variables),
/// <c>templates/</c> and the config tasks. Values are kept as written (Jinja text); the planner renders them per host.
/// </remarks>
public sealed record ServiceDefinition
{
    /// <summary>Service (role) name, also its <c>--tags</c> name: <c>keystone</c>, <c>nova</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Where the definition came from (embedded resource name or file path), for error messages.</summary>
    public required string Source { get; init; }

    /// <summary>Services that must be converged before this one (when they are enabled).</summary>
    public IReadOnlyList<string> After { get; init; } = [];

    /// <summary>How containers of this service are restarted across hosts.</summary>
    public RestartStrategy Restart { get; init; } = RestartStrategy.Parallel;

    /// <summary>Role defaults: the lowest-precedence variables, evaluated lazily like Ansible's.</summary>
    public IReadOnlyDictionary<string, object?> Defaults { get; init; } = new Dictionary<string, object?>();

    /// <summary>Containers, keyed by service key, in definition (handler) order.</summary>
    public IReadOnlyList<ContainerDefinition> Containers { get; init; } = [];

    /// <summary>One-shot jobs (database sync and similar).</summary>
    public IReadOnlyList<BootstrapDefinition> Bootstrap { get; init; } = [];

    /// <summary>Templates shipped with the service, by relative name (<c>keystone.conf.j2</c>).</summary>
    public IReadOnlyDictionary<string, string> Templates { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Boolean expression: whether each of the service's containers gets the CA certificates of <c>kolla_certificates_dir/ca/</c>
    /// in <c>ca-certificates/</c> (and, with a <c>config_json</c> mapping, the entry installing them), as kolla-ansible's
    /// <c>service-cert-copy</c> role does for the roles that include it.
    /// </summary>
    public string CaCertificates { get; init; } = "{{ kolla_copy_ca_into_containers | default(false) | bool }}";
}
