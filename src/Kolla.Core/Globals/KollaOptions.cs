namespace Kolla.Globals;

/// <summary>
/// The settings the library itself depends on, with kolla-ansible's names in the docs and its defaults.
/// Bind them from configuration, set them in code, or copy them from <c>globals.yml</c> with
/// <see cref="KollaGlobals.ApplyTo"/>; <see cref="KollaOptionsValidator"/> checks them on start.
/// </summary>
public sealed class KollaOptions
{
    /// <summary>The deploy host's config directory holding globals.yml and passwords.yml (<c>node_config</c>, <c>--configdir</c>).</summary>
    public string ConfigDirectory { get; set; } = "/etc/kolla";

    /// <summary>The globals file; null means <c>ConfigDirectory/globals.yml</c>.</summary>
    public string? GlobalsFile { get; set; }

    /// <summary>The passwords file; null means <c>ConfigDirectory/passwords.yml</c>.</summary>
    public string? PasswordsFile { get; set; }

    /// <summary>An Ansible <c>jsonfile</c> fact cache: hosts found there are not gathered, gathered hosts are written there; null for none.</summary>
    public string? FactsCacheDirectory { get; set; }

    /// <summary><c>kolla_base_distro</c>: rocky, debian or ubuntu.</summary>
    public string BaseDistro { get; set; } = "rocky";

    /// <summary><c>kolla_base_distro_version</c>.</summary>
    public string BaseDistroVersion { get; set; } = "10";

    /// <summary><c>openstack_release</c>.</summary>
    public string OpenStackRelease { get; set; } = "master";

    /// <summary><c>openstack_tag</c>: the image tag used unless a service overrides it.</summary>
    public string OpenStackTag { get; set; } = "master-rocky-10";

    /// <summary><c>kolla_internal_vip_address</c>: required, an IP address.</summary>
    public string InternalVipAddress { get; set; } = string.Empty;

    /// <summary><c>kolla_external_vip_address</c>: an IP address (defaults to the internal VIP).</summary>
    public string ExternalVipAddress { get; set; } = string.Empty;

    /// <summary><c>network_interface</c>.</summary>
    public string NetworkInterface { get; set; } = "eth0";

    /// <summary><c>api_interface</c>.</summary>
    public string ApiInterface { get; set; } = "eth0";

    /// <summary><c>tunnel_interface</c>.</summary>
    public string TunnelInterface { get; set; } = "eth0";

    /// <summary><c>neutron_external_interface</c>.</summary>
    public string NeutronExternalInterface { get; set; } = "eth1";

    /// <summary><c>docker_registry</c>; empty for none.</summary>
    public string DockerRegistry { get; set; } = "quay.io";

    /// <summary><c>docker_namespace</c>.</summary>
    public string DockerNamespace { get; set; } = "openstack.kolla";

    /// <summary><c>docker_image_name_prefix</c>.</summary>
    public string DockerImageNamePrefix { get; set; } = string.Empty;

    /// <summary><c>node_config_directory</c>: where generated configs go on the targets.</summary>
    public string NodeConfigDirectory { get; set; } = "/etc/kolla";

    /// <summary><c>node_custom_config</c>: the operator's override tree on the deploy host.</summary>
    public string NodeCustomConfig { get; set; } = "/etc/kolla/config";

    /// <summary><c>container_config_directory</c>: where configs are mounted inside containers.</summary>
    public string ContainerConfigDirectory { get; set; } = "/var/lib/kolla/config_files";

    /// <summary><c>config_strategy</c>: COPY_ALWAYS or COPY_ONCE.</summary>
    public string ConfigStrategy { get; set; } = "COPY_ALWAYS";

    /// <summary><c>kolla_container_engine</c>: docker (podman is not supported yet).</summary>
    public string ContainerEngine { get; set; } = "docker";

    /// <summary><c>docker_restart_policy</c>: no, on-failure, always, unless-stopped or oneshot.</summary>
    public string DockerRestartPolicy { get; set; } = "unless-stopped";

    /// <summary><c>docker_restart_policy_retry</c>.</summary>
    public int DockerRestartPolicyRetry { get; set; } = 10;

    /// <summary><c>docker_graceful_timeout</c> in seconds.</summary>
    public int DockerGracefulTimeout { get; set; } = 60;

    /// <summary><c>docker_client_timeout</c> in seconds.</summary>
    public int DockerClientTimeout { get; set; } = 120;

    /// <summary><c>enable_haproxy</c>: when on, the internal VIP must be set.</summary>
    public bool HaproxyEnabled { get; set; } = true;

    /// <summary>The globals file actually used.</summary>
    public string ResolvedGlobalsFile => GlobalsFile ?? Path.Combine(ConfigDirectory, "globals.yml");

    /// <summary>The passwords file actually used.</summary>
    public string ResolvedPasswordsFile => PasswordsFile ?? Path.Combine(ConfigDirectory, "passwords.yml");
}
