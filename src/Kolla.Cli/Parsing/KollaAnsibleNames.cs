namespace Kolla.Cli.Parsing;

/// <summary>kolla-ansible's (and ansible-playbook's) names that kolla spells differently or does not have, with what to use instead.</summary>
internal static class KollaAnsibleNames
{
    /// <summary>Options an ansible-playbook user reaches for, and kolla's way to get the same.</summary>
    public static IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--check"] = "kolla has no --check: 'kolla plan' shows what deploy would change, touching nothing",
        ["-C"] = "kolla has no --check: 'kolla plan' shows what deploy would change, touching nothing",
        ["--diff"] = "--diff belongs to plan and to the dry runs of deploy, reconfigure, upgrade and genconfig: 'kolla plan --diff' shows each changed file's diff",
        ["-D"] = "kolla has no -D: 'kolla plan --diff' shows each changed file's diff",
        ["--ask-vault-pass"] = "kolla reads no Ansible vault: give passwords.yml in clear (mode 0600) with --passwords",
        ["--vault-password-file"] = "kolla reads no Ansible vault: give passwords.yml in clear (mode 0600) with --passwords",
    };

    /// <summary>kolla-ansible's verbs that kolla does not implement yet.</summary>
    public static IReadOnlySet<string> MissingVerbs { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "octavia-certificates", "mariadb_backup",
        "mariadb-backup", "validate-config", "deploy-bifrost", "deploy-servers", "upgrade-bifrost",
        "install-deps", "nova-libvirt-cleanup", "rabbitmq-reset-state",
    };
}
