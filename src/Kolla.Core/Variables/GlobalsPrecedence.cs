namespace Kolla.Variables;

/// <summary>Where <c>globals.yml</c> sits relative to the inventory's variables.</summary>
public enum GlobalsPrecedence
{
    /// <summary>
    /// Inventory group and host variables override globals (the default): a per-host
    /// <c>network_interface</c> in the inventory wins over the one in <c>globals.yml</c>.
    /// </summary>
    BelowInventory,

    /// <summary>
    /// kolla-ansible's behaviour: globals are passed as extra vars (<c>-e @globals.yml</c>) and beat the
    /// inventory, so a key set in <c>globals.yml</c> cannot be overridden per host.
    /// </summary>
    LikeKollaAnsible,
}
