using Kolla.Facts;
using Kolla.Services;
using KollaInventory = Kolla.Inventory.Inventory;

namespace Kolla.Planning;

/// <summary>Everything a plan is computed from; read once, then planning does no I/O.</summary>
/// <remarks>The same inputs kolla-ansible reads: inventory, <c>globals.yml</c>, <c>passwords.yml</c>, <c>-e</c> vars and the override tree.</remarks>
public sealed record DeploymentInputs
{
    /// <summary>The inventory (hosts, groups, group and host vars).</summary>
    public required KollaInventory Inventory { get; init; }

    /// <summary>The service catalogue.</summary>
    public required ServiceCatalogue Catalogue { get; init; }

    /// <summary>Raw <c>globals.yml</c> values.</summary>
    public IReadOnlyDictionary<string, object?> Globals { get; init; } = new Dictionary<string, object?>();

    /// <summary>Raw <c>passwords.yml</c> values.</summary>
    public IReadOnlyDictionary<string, object?> Passwords { get; init; } = new Dictionary<string, object?>();

    /// <summary><c>-e</c> extra variables (highest precedence).</summary>
    public IReadOnlyDictionary<string, object?> ExtraVars { get; init; } = new Dictionary<string, object?>();

    /// <summary>
    /// Each host's gathered facts (Ansible's <c>ansible_facts</c>), by inventory name: what kolla-ansible's gather-facts play
    /// collects before anything is rendered. Addresses (<c>'api' | kolla_address</c>), worker counts and node names derive
    /// from them; a host without facts makes every template that needs them fail, naming the host.
    /// </summary>
    public IReadOnlyDictionary<string, HostFacts> Facts { get; init; } = new Dictionary<string, HostFacts>();

    /// <summary>The operator's override tree (<c>node_custom_config</c>).</summary>
    public OverrideTree Overrides { get; init; } = OverrideTree.Empty;

    /// <summary>
    /// Where each key of <see cref="Globals"/> was written: <c>globals.yml</c> or the <c>globals.d/</c> file that set it
    /// last, with its line. Keys missing here have no known location.
    /// </summary>
    public IReadOnlyDictionary<string, InputLocation> GlobalsLocations { get; init; } = new Dictionary<string, InputLocation>();

    /// <summary>The deploy host's config directory (<c>--configdir</c>): kolla-ansible's <c>CONFIG_DIR</c>, from which <c>node_config</c> derives.</summary>
    internal string? ConfigDirectory { get; init; }

    /// <summary>A snapshot of <c>kolla_certificates_dir</c> (what <c>kolla certificates</c> writes), read with the other inputs.</summary>
    internal OverrideTree Certificates { get; init; } = OverrideTree.Empty;

    /// <summary>Where each key of <see cref="ExtraVars"/> was set: the <c>-e</c> option or <c>@FILE</c>, with the key's line in it.</summary>
    internal IReadOnlyDictionary<string, Kolla.Inventory.InventoryLocation> ExtraVarsOrigins { get; init; } = new Dictionary<string, Kolla.Inventory.InventoryLocation>();
}
