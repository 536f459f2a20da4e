using Kolla.Variables;

namespace Kolla.Globals;

/// <summary>
/// The globals of a deployment (<c>globals.yml</c> over kolla-ansible's defaults): typed properties for what
/// the library itself uses, every enable flag, and the raw values (unknown keys kept) for templates.
/// </summary>
/// <remarks>Built by <see cref="Parse"/> or <see cref="LoadAsync"/>; immutable.</remarks>
public sealed class KollaGlobals
{
    internal KollaGlobals(
        string sourceFile,
        IReadOnlyDictionary<string, object?> values,
        IReadOnlyDictionary<string, object?> context,
        IReadOnlyDictionary<string, bool> enabled,
        IReadOnlyList<string> warnings,
        Func<string, string> text,
        Func<string, int> integer)
    {
        SourceFile = sourceFile;
        Values = values;
        ContextValues = context;
        EnabledFlags = enabled;
        Warnings = warnings;
        BaseDistro = text("kolla_base_distro");
        BaseDistroVersion = text("kolla_base_distro_version");
        OpenStackRelease = text("openstack_release");
        OpenStackTagSuffix = text("openstack_tag_suffix");
        OpenStackTag = text("openstack_tag");
        InternalVipAddress = text("kolla_internal_vip_address");
        ExternalVipAddress = text("kolla_external_vip_address");
        InternalFqdn = text("kolla_internal_fqdn");
        ExternalFqdn = text("kolla_external_fqdn");
        NetworkInterface = text("network_interface");
        ApiInterface = text("api_interface");
        TunnelInterface = text("tunnel_interface");
        NeutronExternalInterface = text("neutron_external_interface");
        DockerRegistry = text("docker_registry");
        DockerNamespace = text("docker_namespace");
        DockerImageNamePrefix = text("docker_image_name_prefix");
        NodeConfig = text("node_config");
        NodeConfigDirectory = text("node_config_directory");
        NodeCustomConfig = text("node_custom_config");
        ContainerConfigDirectory = text("container_config_directory");
        ConfigStrategy = text("config_strategy");
        ContainerEngine = text("kolla_container_engine");
        DockerRestartPolicy = text("docker_restart_policy");
        DockerRestartPolicyRetry = integer("docker_restart_policy_retry");
        DockerGracefulTimeout = integer("docker_graceful_timeout");
        DockerClientTimeout = integer("docker_client_timeout");
    }

    /// <summary>kolla-ansible's defaults for the known globals (values or Jinja expressions), lowest layer.</summary>
    public static IReadOnlyDictionary<string, object?> Defaults => GlobalsDefaults.Values;

    /// <summary>The file the values came from (or <c>(defaults)</c>).</summary>
    public string SourceFile { get; }

    /// <summary>Every key of <c>globals.yml</c> as loaded (unknown keys included).</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>
    /// What to give the variable context as the globals layer: <see cref="Values"/> plus <c>CONFIG_DIR</c> when a
    /// config directory was given (kolla-ansible passes it as an extra var; <c>node_config</c> is derived from it).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Variables =>
        ContextValues.Count == 0 ? Values : Values.Concat(ContextValues).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Non-fatal findings such as duplicate keys, each <c>FILE:LINE: message</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The 1-based line of each key of <see cref="Values"/> in <see cref="SourceFile"/> (empty for defaults).</summary>
    public IReadOnlyDictionary<string, int> Lines { get; internal init; } = new Dictionary<string, int>();

    /// <summary>Every <c>enable_*</c> flag, evaluated (<c>enable_placement</c> follows <c>enable_nova</c>, ...).</summary>
    public IReadOnlyDictionary<string, bool> EnabledFlags { get; }

    /// <summary><c>kolla_base_distro</c> (default <c>rocky</c>).</summary>
    public string BaseDistro { get; }

    /// <summary><c>kolla_base_distro_version</c> (rocky <c>10</c>, debian <c>trixie</c>, ubuntu <c>noble</c>).</summary>
    public string BaseDistroVersion { get; }

    /// <summary><c>openstack_release</c> (default <c>master</c>).</summary>
    public string OpenStackRelease { get; }

    /// <summary><c>openstack_tag_suffix</c> (default empty).</summary>
    public string OpenStackTagSuffix { get; }

    /// <summary><c>openstack_tag</c>: <c>&lt;release&gt;-&lt;distro&gt;-&lt;distro_version&gt;&lt;suffix&gt;</c> unless set.</summary>
    public string OpenStackTag { get; }

    /// <summary><c>kolla_internal_vip_address</c> (empty when not set).</summary>
    public string InternalVipAddress { get; }

    /// <summary><c>kolla_external_vip_address</c> (defaults to the internal VIP).</summary>
    public string ExternalVipAddress { get; }

    /// <summary><c>kolla_internal_fqdn</c> (defaults to the internal VIP).</summary>
    public string InternalFqdn { get; }

    /// <summary><c>kolla_external_fqdn</c>.</summary>
    public string ExternalFqdn { get; }

    /// <summary><c>network_interface</c> (default <c>eth0</c>).</summary>
    public string NetworkInterface { get; }

    /// <summary><c>api_interface</c> (defaults to <c>network_interface</c>).</summary>
    public string ApiInterface { get; }

    /// <summary><c>tunnel_interface</c> (defaults to <c>network_interface</c>).</summary>
    public string TunnelInterface { get; }

    /// <summary><c>neutron_external_interface</c> (default <c>eth1</c>).</summary>
    public string NeutronExternalInterface { get; }

    /// <summary><c>docker_registry</c> (default <c>quay.io</c>; empty for none).</summary>
    public string DockerRegistry { get; }

    /// <summary><c>docker_namespace</c> (default <c>openstack.kolla</c>).</summary>
    public string DockerNamespace { get; }

    /// <summary><c>docker_image_name_prefix</c> (default empty).</summary>
    public string DockerImageNamePrefix { get; }

    /// <summary><c>node_config</c>: the deploy host's config directory (<c>--configdir</c>, default <c>/etc/kolla</c>).</summary>
    public string NodeConfig { get; }

    /// <summary><c>node_config_directory</c>: where generated configs go on targets (default <c>/etc/kolla</c>).</summary>
    public string NodeConfigDirectory { get; }

    /// <summary><c>node_custom_config</c>: the override tree (default <c>&lt;node_config&gt;/config</c>).</summary>
    public string NodeCustomConfig { get; }

    /// <summary><c>container_config_directory</c> (default <c>/var/lib/kolla/config_files</c>).</summary>
    public string ContainerConfigDirectory { get; }

    /// <summary><c>config_strategy</c>: <c>COPY_ALWAYS</c> or <c>COPY_ONCE</c>.</summary>
    public string ConfigStrategy { get; }

    /// <summary><c>kolla_container_engine</c> (default <c>docker</c>).</summary>
    public string ContainerEngine { get; }

    /// <summary><c>docker_restart_policy</c> (default <c>unless-stopped</c>).</summary>
    public string DockerRestartPolicy { get; }

    /// <summary><c>docker_restart_policy_retry</c> (default 10).</summary>
    public int DockerRestartPolicyRetry { get; }

    /// <summary><c>docker_graceful_timeout</c> in seconds (default 60).</summary>
    public int DockerGracefulTimeout { get; }

    /// <summary><c>docker_client_timeout</c> in seconds (default 120).</summary>
    public int DockerClientTimeout { get; }

    /// <summary>Values only the evaluation needed (<c>CONFIG_DIR</c>).</summary>
    internal IReadOnlyDictionary<string, object?> ContextValues { get; }

    /// <summary>Reads <c>globals.yml</c>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="configDirectory">The deploy host's config directory (<c>--configdir</c>), used for <c>node_config</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="GlobalsException">Unreadable file, YAML error, or a known key with the wrong type.</exception>
    public static async Task<KollaGlobals> LoadAsync(string path, string? configDirectory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GlobalsException(path, 0, null, $"cannot read the file: {ex.Message}");
        }

        return Parse(text, path, configDirectory);
    }

    /// <summary>Reads globals from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name errors report.</param>
    /// <param name="configDirectory">The deploy host's config directory (<c>--configdir</c>), used for <c>node_config</c>.</param>
    /// <exception cref="GlobalsException">YAML error or a known key with the wrong type, naming key, file and line.</exception>
    public static KollaGlobals Parse(string yaml, string fileName = "globals.yml", string? configDirectory = null) =>
        GlobalsReader.Read(yaml, fileName, configDirectory);

    /// <summary>The built-in defaults alone (as if <c>globals.yml</c> were empty).</summary>
    public static KollaGlobals FromDefaults(string? configDirectory = null) => GlobalsReader.Read(string.Empty, "(defaults)", configDirectory);

    /// <summary>True when <c>enable_&lt;service&gt;</c> is on (<c>-</c> in the name is read as <c>_</c>).</summary>
    /// <param name="service">The service, for example <c>nova</c> or <c>neutron-server</c>.</param>
    /// <param name="whenUnknown">The answer when no such flag exists (services such as cron have none).</param>
    public bool IsEnabled(string service, bool whenUnknown = false) =>
        EnabledFlags.TryGetValue("enable_" + service.Replace('-', '_'), out var on) ? on : whenUnknown;

    /// <summary>The globals as a variable scope: defaults, then <c>globals.yml</c>.</summary>
    public IVariableScope ToScope() => new LayeredVariableScope(Defaults, Values, ContextValues);

    /// <summary>The typed settings as bindable, validatable options.</summary>
    public KollaOptions ToOptions()
    {
        var options = new KollaOptions();
        ApplyTo(options);
        return options;
    }

    /// <summary>Copies the typed settings into an options object (for <c>IOptions&lt;KollaOptions&gt;</c>).</summary>
    public void ApplyTo(KollaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ConfigDirectory = NodeConfig;
        options.BaseDistro = BaseDistro;
        options.BaseDistroVersion = BaseDistroVersion;
        options.OpenStackRelease = OpenStackRelease;
        options.OpenStackTag = OpenStackTag;
        options.InternalVipAddress = InternalVipAddress;
        options.ExternalVipAddress = ExternalVipAddress;
        options.NetworkInterface = NetworkInterface;
        options.ApiInterface = ApiInterface;
        options.TunnelInterface = TunnelInterface;
        options.NeutronExternalInterface = NeutronExternalInterface;
        options.DockerRegistry = DockerRegistry;
        options.DockerNamespace = DockerNamespace;
        options.DockerImageNamePrefix = DockerImageNamePrefix;
        options.NodeConfigDirectory = NodeConfigDirectory;
        options.NodeCustomConfig = NodeCustomConfig;
        options.ContainerConfigDirectory = ContainerConfigDirectory;
        options.ConfigStrategy = ConfigStrategy;
        options.ContainerEngine = ContainerEngine;
        options.DockerRestartPolicy = DockerRestartPolicy;
        options.DockerRestartPolicyRetry = DockerRestartPolicyRetry;
        options.DockerGracefulTimeout = DockerGracefulTimeout;
        options.DockerClientTimeout = DockerClientTimeout;
        options.HaproxyEnabled = IsEnabled("haproxy");
    }
}
