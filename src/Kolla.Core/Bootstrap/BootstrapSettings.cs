using System.Text;
using Kolla.Compat;

namespace Kolla.Bootstrap;

/// <summary>
/// What <c>kolla bootstrap-servers</c> makes of one host's variables: the packages, files, account and directories of
/// the host preparation, as the <c>openstack.kolla.baremetal</c> role (kolla-ansible's <c>kolla-host.yml</c>) decides
/// them for a Debian-family host.
/// </summary>
/// <remarks>
/// A variable neither globals, inventory nor <c>-e</c> set takes the role's default (or kolla-ansible's
/// <c>group_vars/all</c> value where that overrides the role's), so an empty <c>globals.yml</c> prepares a host as
/// kolla-ansible would; the engine is the distribution's <c>docker.io</c>, not Docker's own repository.
/// </remarks>
internal sealed record BootstrapSettings
{
    /// <summary>The unit that lets <c>systemctl start/stop kolla.target</c> act on every kolla service unit.</summary>
    public static string KollaTargetPath => "/etc/systemd/system/kolla.target";

    /// <summary>The engine's configuration file.</summary>
    public static string DaemonJsonPath => "/etc/docker/daemon.json";

    /// <summary>The sudoers drop-in that gives the kolla user passwordless sudo.</summary>
    public static string SudoersPath => "/etc/sudoers.d/kolla-ansible-users";

    /// <summary>The engine and what it needs on Debian: <c>docker.io</c>, <c>apparmor</c>, and <c>iptables</c> unless the engine leaves iptables alone.</summary>
    public required IReadOnlyList<string> EnginePackages { get; init; }

    /// <summary>The packages role's list for Debian: <c>git</c>, <c>iputils-ping</c>, <c>tzdata</c> (and <c>sg3-utils-udev</c> with multipathd).</summary>
    public required IReadOnlyList<string> Packages { get; init; }

    /// <summary>Packages removed because they conflict: <c>lxd</c>, <c>lxc</c>, <c>open-iscsi</c> (and <c>libvirt-bin</c> with the nova_libvirt container).</summary>
    public required IReadOnlyList<string> Removals { get; init; }

    /// <summary>The exact bytes of <c>/etc/docker/daemon.json</c>.</summary>
    public required byte[] DaemonJson { get; init; }

    /// <summary><c>disable_firewall</c>: ufw, when installed, is disabled with an accepting default policy.</summary>
    public bool DisableFirewall { get; init; } = true;

    /// <summary><c>create_kolla_user</c>: whether the kolla user, its groups and its sudoers entry are made (default false, as upstream).</summary>
    public bool CreateKollaUser { get; init; }

    /// <summary><c>create_kolla_user_sudoers</c>.</summary>
    public bool KollaUserSudoers { get; init; } = true;

    /// <summary><c>kolla_user</c>.</summary>
    public string KollaUser { get; init; } = "kolla";

    /// <summary><c>kolla_group</c>.</summary>
    public string KollaGroup { get; init; } = "kolla";

    /// <summary><c>kolla_ssh_key.public_key</c> from passwords.yml: authorised for the kolla user; null when absent.</summary>
    public string? KollaPublicKey { get; init; }

    /// <summary><c>node_config_directory</c>.</summary>
    public string NodeConfigDirectory { get; init; } = "/etc/kolla";

    /// <summary>The sudoers line for the kolla user.</summary>
    public string SudoersLine => KollaUser + " ALL=(ALL) NOPASSWD: ALL";

    /// <summary>The bytes of <see cref="KollaTargetPath"/>: a target that every kolla service unit is wanted by.</summary>
    public static byte[] KollaTarget { get; } = Encoding.UTF8.GetBytes(string.Join('\n',
        "[Unit]",
        "Description=Kolla target allowing to start/stop all kolla*@.service instances at once",
        "",
        "[Install]",
        "WantedBy=multi-user.target",
        ""));

    /// <summary>Reads the settings from one host's variables.</summary>
    /// <param name="variable">The host's evaluated value of a variable, or <see cref="Undefined"/> when nothing sets it.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="BootstrapException">docker_custom_config is not a mapping, or a list variable is not a list.</exception>
    public static BootstrapSettings Read(Func<string, object?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        object? Get(string name, object? fallback) => variable(name) is var value && ReferenceEquals(value, Undefined) ? fallback : value;
        // Ansible's `| bool`: true only for its true words (and 1).
        bool Flag(string name, bool fallback) => AnsibleBoolean.TryParse(Get(name, fallback), out var result) && result;
        string Text(string name, string fallback) => Get(name, fallback) is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";

        var iptablesOff = Flag("docker_disable_default_iptables_rules", true);
        var engine = new List<string> { Text("docker_apt_package", "docker.io"), "apparmor" };
        if (!iptablesOff)
        {
            engine.Add("iptables");
        }

        var packages = new List<string> { "git", "iputils-ping" };
        if (Flag("enable_multipathd", false))
        {
            packages.Add("sg3-utils-udev");
        }

        packages.Add("tzdata");
        var removals = new List<string> { "lxd", "lxc" };
        if (Flag("enable_nova_libvirt_container", false))
        {
            removals.Add("libvirt-bin");
        }

        removals.Add("open-iscsi");
        var publicKey = Get("kolla_ssh_key", null) is IReadOnlyDictionary<string, object?> key && key.TryGetValue("public_key", out var pub) && pub is string { Length: > 0 } text
            ? text.Trim()
            : null;
        return new BootstrapSettings
        {
            EnginePackages = engine,
            Packages = packages,
            Removals = removals,
            DaemonJson = DockerDaemonJson.Render(name => Get(name, DockerDaemonJson.Default(name, iptablesOff))),
            DisableFirewall = Flag("disable_firewall", true),
            CreateKollaUser = Flag("create_kolla_user", false),
            KollaUserSudoers = Flag("create_kolla_user_sudoers", true),
            KollaUser = Text("kolla_user", "kolla"),
            KollaGroup = Text("kolla_group", "kolla"),
            KollaPublicKey = publicKey,
            NodeConfigDirectory = Text("node_config_directory", "/etc/kolla").TrimEnd('/') is { Length: > 0 } dir ? dir : "/",
        };
    }

    /// <summary>The value <see cref="Read"/>'s lookup returns for a variable nothing sets.</summary>
    public static object Undefined { get; } = new();
}
