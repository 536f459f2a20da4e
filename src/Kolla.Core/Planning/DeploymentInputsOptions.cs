namespace Kolla.Planning;

/// <summary>Where a deployment's inputs live, with kolla-ansible's CLI defaults.</summary>
public sealed record DeploymentInputsOptions
{
    /// <summary>Inventory files or directories (<c>-i</c>, repeatable).</summary>
    public required IReadOnlyList<string> Inventories { get; init; }

    /// <summary>Directory holding <c>globals.yml</c>, <c>globals.d/</c>, <c>passwords.yml</c> and <c>config/</c> (<c>--configdir</c>).</summary>
    public string ConfigDirectory { get; init; } = "/etc/kolla";

    /// <summary><c>passwords.yml</c>; default <c>CONFIGDIR/passwords.yml</c>.</summary>
    public string? PasswordsFile { get; init; }

    /// <summary>Create and fill the passwords file when it is missing (as <c>kolla genpwd</c> would).</summary>
    public bool GeneratePasswordsIfMissing { get; init; }

    /// <summary><c>-e</c> options: <c>KEY=VALUE</c> pairs, JSON/YAML text, or <c>@file</c>.</summary>
    public IReadOnlyList<string> ExtraVars { get; init; } = [];

    /// <summary>A directory of catalogue overlays (services and templates of your own), or null.</summary>
    public string? CatalogueDirectory { get; init; }
}
