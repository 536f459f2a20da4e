namespace Kolla.Globals;

/// <summary>
/// Where the library finds a deployment's inputs on the deploy host: what is not in <c>globals.yml</c>. The globals themselves
/// are read from <see cref="ConfigDirectory"/> (<see cref="KollaGlobals"/>), one way only; <see cref="KollaOptionsValidator"/>
/// checks these settings on start.
/// </summary>
public sealed class KollaOptions
{
    /// <summary>
    /// The deploy host's config directory holding <c>globals.yml</c>, <c>globals.d/</c>, <c>passwords.yml</c> and <c>config/</c>
    /// (kolla-ansible's <c>--configdir</c>, <c>node_config</c>); an absolute path.
    /// </summary>
    public string ConfigDirectory { get; set; } = "/etc/kolla";

    /// <summary>The passwords file; null means <c>ConfigDirectory/passwords.yml</c>.</summary>
    public string? PasswordsFile { get; set; }

    /// <summary>An Ansible <c>jsonfile</c> fact cache: hosts found there are not gathered, gathered hosts are written there; null for none.</summary>
    public string? FactsCacheDirectory { get; set; }

    /// <summary>The passwords file actually used.</summary>
    public string ResolvedPasswordsFile => PasswordsFile ?? Path.Combine(ConfigDirectory, "passwords.yml");
}
