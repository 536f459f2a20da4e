using System.Diagnostics.CodeAnalysis;

namespace Kolla.Inventory;

/// <summary>
/// The variables of one host as a stack of layers, lowest precedence first; merging replaces whole
/// top-level values (Ansible's default <c>hash_behaviour = replace</c>: dicts are not deep-merged).
/// </summary>
/// <remarks>
/// <para>Order built by <see cref="ForHost"/>, lowest first, exactly what <c>ansible-inventory --host</c> merges:</para>
/// <list type="number">
/// <item>the <c>all</c> group's inventory variables;</item>
/// <item>every other group of the host, inventory variables, sorted as ansible's <c>sort_groups</c>
/// does: by depth (parents before children), then <c>ansible_group_priority</c>, then name;</item>
/// <item><c>group_vars/all</c> files, then <c>group_vars/&lt;group&gt;</c> files in the same group order
/// (source by source: the files beside a later <c>-i</c> source beat those beside an earlier one). As in
/// Ansible, any <c>group_vars/</c> file beats any variable written in the inventory file itself;</item>
/// <item>the host's inventory variables, then its <c>host_vars/</c> files;</item>
/// <item>extra variables (<c>-e</c>).</item>
/// </list>
/// <para>Groups and hosts without inventory variables add no layer. Where defaults, <c>globals.yml</c>, facts and
/// passwords sit around these is the variable context's business (<see cref="Kolla.Variables.VariableLayer"/>).</para>
/// <para>Values are plain .NET objects: <see cref="string"/>, <see cref="long"/> (or
/// <see cref="System.Numerics.BigInteger"/> past 64 bits), <see cref="double"/>, <see cref="bool"/>, null,
/// <see cref="List{T}"/> of <see cref="object"/> and <see cref="Dictionary{TKey, TValue}"/> with ordinal
/// <see cref="string"/> keys, so templates can use them directly.</para>
/// </remarks>
internal sealed class InventoryVarsLayers
{
    /// <summary>Creates a stack from layers given lowest precedence first.</summary>
    /// <param name="layers">The layers.</param>
    public InventoryVarsLayers(IEnumerable<InventoryVarsLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        Layers = layers.ToList().AsReadOnly();
    }

    /// <summary>The layers, lowest precedence first.</summary>
    public IReadOnlyList<InventoryVarsLayer> Layers { get; }

    /// <summary>Builds a host's stack (see the type's remarks for the order).</summary>
    /// <param name="inventory">The inventory.</param>
    /// <param name="hostName">The host's inventory name.</param>
    /// <param name="extraVars">Extra variables (<c>-e</c>), or null.</param>
    /// <returns>The stack.</returns>
    /// <exception cref="InventoryException">The host is not in the inventory.</exception>
    public static InventoryVarsLayers ForHost(
        Inventory inventory,
        string hostName,
        IReadOnlyDictionary<string, object?>? extraVars = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(hostName);
        var host = inventory.GetHost(hostName);
        var layers = new List<InventoryVarsLayer>();
        var all = inventory.All;
        var groups = inventory.VariableGroupsOf(host);
        foreach (var group in groups.Prepend(all))
        {
            if (group.Vars.Count > 0)
            {
                layers.Add(group.VarsLayer);
            }
        }

        foreach (var file in all.VarsFiles)
        {
            layers.Add(file.ToLayer(InventoryVarsLayerKind.GroupVarsFile));
        }

        for (var source = 0; source < inventory.Sources.Count; source++)
        {
            foreach (var group in groups)
            {
                foreach (var file in group.VarsFiles.Where(f => f.SourceIndex == source))
                {
                    layers.Add(file.ToLayer(InventoryVarsLayerKind.GroupVarsFile));
                }
            }
        }

        if (host.Vars.Count > 0)
        {
            layers.Add(new(InventoryVarsLayerKind.InventoryHost, $"host {host.Name}", host.Vars) { Locations = host.VarLocations });
        }
        foreach (var file in host.VarsFiles)
        {
            layers.Add(file.ToLayer(InventoryVarsLayerKind.HostVarsFile));
        }

        if (extraVars is not null)
        {
            layers.Add(new(InventoryVarsLayerKind.ExtraVars, "extra vars", extraVars));
        }

        return new InventoryVarsLayers(layers);
    }

    /// <summary>Merges the layers: a later layer's value replaces an earlier one's, key by key.</summary>
    /// <returns>A new dictionary (ordinal keys, first-definition order); nested values are shared, not copied.</returns>
    public Dictionary<string, object?> Merge()
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var layer in Layers)
        {
            foreach (var (key, value) in layer.Values)
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <summary>Finds a variable's winning value and the layer it comes from.</summary>
    /// <param name="name">The variable name.</param>
    /// <param name="value">The winning value.</param>
    /// <param name="layer">The layer that defines it last.</param>
    /// <returns>True when some layer defines the variable.</returns>
    public bool TryResolve(string name, out object? value, [NotNullWhen(true)] out InventoryVarsLayer? layer)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = Layers.Count - 1; i >= 0; i--)
        {
            if (Layers[i].Values.TryGetValue(name, out value))
            {
                layer = Layers[i];
                return true;
            }
        }

        value = null;
        layer = null;
        return false;
    }

    /// <summary>Every layer that defines a variable, lowest first (the last one wins): for explaining a value.</summary>
    /// <param name="name">The variable name.</param>
    /// <returns>The defining layers.</returns>
    public IReadOnlyList<InventoryVarsLayer> Defining(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Layers.Where(l => l.Values.ContainsKey(name)).ToList();
    }
}
