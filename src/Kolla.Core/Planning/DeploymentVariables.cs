using Kolla.Inventory;
using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>Builds the variables every host of a deployment sees, from its inputs, exactly as the planner does.</summary>
/// <remarks>
/// Layers, lowest first: catalogue defaults (common, then each service's), <c>globals.yml</c>, inventory group vars, host
/// vars, gathered facts, <c>passwords.yml</c>, <c>-e</c> extra vars. With <see cref="GlobalsPrecedence.LikeKollaAnsible"/> globals move
/// above the inventory, as kolla-ansible's <c>-e @globals.yml</c> puts them.
/// </remarks>
internal static class DeploymentVariables
{
    /// <summary>Creates the variable context of a deployment.</summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="precedence">Where globals sit relative to inventory variables.</param>
    /// <returns>The context; <see cref="VariableContext.ForHost"/> gives one host's scope.</returns>
    /// <exception cref="VariableContextException">The inventory lists a host twice.</exception>
    public static VariableContext Create(DeploymentInputs inputs, GlobalsPrecedence precedence = GlobalsPrecedence.BelowInventory)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var defaults = new Dictionary<string, object?>(inputs.Catalogue.CommonDefaults, StringComparer.Ordinal);
        if (inputs.ConfigDirectory is { } configDirectory)
        {
            defaults["CONFIG_DIR"] = configDirectory;
        }
        foreach (var service in inputs.Catalogue.Services)
        {
            foreach (var (key, value) in service.Defaults)
            {
                defaults[key] = value;
            }
        }

        var inventory = inputs.Inventory;
        var hosts = inventory.Hosts.Select(host =>
        {
            var layers = InventoryVarsLayers.ForHost(inventory, host.Name).Layers;
            var groupVars = Merge(layers.Where(l => l.Kind is InventoryVarsLayerKind.InventoryGroup or InventoryVarsLayerKind.GroupVarsFile));
            var hostVars = Merge(layers.Where(l => l.Kind is InventoryVarsLayerKind.InventoryHost or InventoryVarsLayerKind.HostVarsFile));
            return new InventoryHostInput(host.Name, groupVars, hostVars);
        }).ToList();
        var groups = inventory.Groups.ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)g.Value.Hosts.Select(h => h.Name).ToList(),
            StringComparer.Ordinal);
        return new VariableContextBuilder()
            .AddDefaults(defaults)
            .WithGlobals(inputs.Globals)
            .WithGlobalsPrecedence(precedence)
            .WithPasswords(inputs.Passwords)
            .AddExtraVars(inputs.ExtraVars)
            .WithInventory(new InventoryInput(hosts, groups))
            .WithFacts(inputs.Facts.ToDictionary(f => f.Key, f => f.Value.Values, StringComparer.Ordinal))
            .Build();
    }

    private static Dictionary<string, object?> Merge(IEnumerable<InventoryVarsLayer> layers)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer.Values)
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
