namespace Kolla.Inventory;

/// <summary>Where a layer of a host's inventory variables comes from, lowest precedence first.</summary>
internal enum InventoryVarsLayerKind
{
    /// <summary>Group variables written in an inventory source (<c>[g:vars]</c>, YAML <c>vars:</c>).</summary>
    InventoryGroup,

    /// <summary>A file in <c>group_vars/</c> beside an inventory source.</summary>
    GroupVarsFile,

    /// <summary>Host variables written in an inventory source (inline <c>key=value</c>, YAML host mapping).</summary>
    InventoryHost,

    /// <summary>A file in <c>host_vars/</c> beside an inventory source.</summary>
    HostVarsFile,

    /// <summary>Extra variables (<c>-e</c>), which beat everything.</summary>
    ExtraVars,
}
