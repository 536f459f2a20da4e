using System.Globalization;
using Kolla.Compat;
using Kolla.Inventory;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>
/// Finds what a deployment's inputs ask for that the catalogue does not implement: <c>enable_*</c> flags of kolla-ansible
/// roles the catalogue lacks (<c>enable_cinder</c>), and settings whose value changes the cloud in a way we do not
/// implement (TLS, Podman, OVN, ...). The list is data: <c>Services/Catalogue/unimplemented.yml</c>.
/// </summary>
/// <remarks>
/// <para>Only values the operator set count: <c>globals.yml</c>, <c>globals.d/*.yml</c>, inventory group and host variables
/// (in the inventory files or <c>group_vars/</c>, <c>host_vars/</c>) and <c>-e</c>, with the precedence the plan uses, for
/// every inventory host. Booleans follow Ansible's spelling; a value written as a template is evaluated over the
/// catalogue's defaults and the operator's values, and counts as set when it cannot be evaluated there.</para>
/// <para>A flag of a missing role stops being refused when a catalogue overlay adds a service of that name, or when any
/// catalogue variable defines the flag. <see cref="FindDefaults(DeploymentInputs, GlobalsPrecedence)"/> lists what kolla-ansible's own defaults would deploy
/// although the operator set nothing (Heat): warnings, silenced by setting the flag to <c>"no"</c>.</para>
/// <para>kolla-ansible has no such check: it deploys every role it has.</para>
/// </remarks>
/// <example>
/// <code>
/// var inputs = await DeploymentInputsLoader.LoadAsync(options, cancellationToken);
/// UnimplementedSettings.ThrowIfAny(UnimplementedSettings.Find(inputs));   // before planning
/// foreach (var warning in UnimplementedSettings.FindDefaults(inputs)) Console.Error.WriteLine(warning);
/// </code>
/// </example>
public static class UnimplementedSettings
{
    /// <summary>Finds every value the operator set that asks for something the catalogue does not implement.</summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="precedence">Where <c>globals.yml</c> sits relative to inventory variables (as used for the plan).</param>
    /// <returns>The findings, ordered by where they were set (<c>globals.yml</c>, <c>globals.d/</c>, inventory, <c>-e</c>), then by line.</returns>
    public static IReadOnlyList<UnimplementedSetting> Find(DeploymentInputs inputs, GlobalsPrecedence precedence = GlobalsPrecedence.BelowInventory) =>
        Find(inputs, precedence, UnimplementedRules.BuiltIn);

    /// <summary>
    /// Finds the flags the operator did not set whose kolla-ansible default would deploy something the catalogue does not
    /// implement (<c>enable_heat</c> follows <c>enable_openstack_core</c>).
    /// </summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="precedence">Where <c>globals.yml</c> sits relative to inventory variables.</param>
    /// <returns>Warnings (each <see cref="UnimplementedSetting.IsDefault"/>), in the order of <c>unimplemented.yml</c>.</returns>
    public static IReadOnlyList<UnimplementedSetting> FindDefaults(DeploymentInputs inputs, GlobalsPrecedence precedence = GlobalsPrecedence.BelowInventory) =>
        FindDefaults(inputs, precedence, UnimplementedRules.BuiltIn);

    /// <summary>Throws when the list holds a setting the operator set (defaults are ignored).</summary>
    /// <param name="settings">Findings of <see cref="Find(DeploymentInputs, GlobalsPrecedence)"/>.</param>
    /// <param name="advice">Added to the message's first line, e.g. how to continue anyway; null for none.</param>
    /// <exception cref="UnimplementedSettingsException">At least one setting; the message lists all of them.</exception>
    public static void ThrowIfAny(IReadOnlyList<UnimplementedSetting> settings, string? advice = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var refused = settings.Where(s => !s.IsDefault).ToList();
        if (refused.Count > 0)
        {
            throw new UnimplementedSettingsException(refused, advice);
        }
    }

    /// <summary>Finds (<see cref="Find(DeploymentInputs, GlobalsPrecedence)"/>) and throws when anything is found.</summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="precedence">Where <c>globals.yml</c> sits relative to inventory variables.</param>
    /// <exception cref="UnimplementedSettingsException">At least one setting; the message lists all of them.</exception>
    public static void ThrowIfAny(DeploymentInputs inputs, GlobalsPrecedence precedence = GlobalsPrecedence.BelowInventory) =>
        ThrowIfAny(Find(inputs, precedence));

    internal static IReadOnlyList<UnimplementedSetting> Find(DeploymentInputs inputs, GlobalsPrecedence precedence, IReadOnlyList<UnimplementedRule> rules)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var defined = DefinedVariables(inputs);
        var renderer = new TemplateRenderer();
        var found = new List<(Origin Origin, UnimplementedSetting Setting)>();
        var seen = new HashSet<(string, Origin)>();
        foreach (var view in Views(inputs, precedence))
        {
            var scope = Scope(inputs, view);
            foreach (var rule in rules)
            {
                if (!TryExplicit(view, rule.Variable, out var raw, out var origin) || seen.Contains((rule.Variable, origin)))
                {
                    continue;
                }

                var value = Evaluate(raw, rule.Variable, scope, renderer);
                if (Refusal(rule, value, inputs, defined) is { } reason)
                {
                    seen.Add((rule.Variable, origin));
                    found.Add((origin, new UnimplementedSetting(rule.Variable, Display(raw, value), reason, origin.ToString())));
                }
            }
        }

        return [.. found
            .OrderBy(f => f.Origin.Rank)
            .ThenBy(f => f.Origin.File, StringComparer.Ordinal)
            .ThenBy(f => f.Origin.Line)
            .ThenBy(f => f.Setting.Variable, StringComparer.Ordinal)
            .Select(f => f.Setting)];
    }

    internal static IReadOnlyList<UnimplementedSetting> FindDefaults(DeploymentInputs inputs, GlobalsPrecedence precedence, IReadOnlyList<UnimplementedRule> rules)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var defined = DefinedVariables(inputs);
        var renderer = new TemplateRenderer();
        var found = new List<UnimplementedSetting>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in Views(inputs, precedence))
        {
            var scope = Scope(inputs, view);
            foreach (var rule in rules.Where(r => r.KollaAnsibleDefault is not null))
            {
                if (seen.Contains(rule.Variable) || TryExplicit(view, rule.Variable, out _, out _))
                {
                    continue;
                }

                object? value;
                try
                {
                    value = renderer.EvaluateExpression(rule.KollaAnsibleDefault!, scope, $"kolla-ansible's default of '{rule.Variable}'");
                }
                catch (KollaException)
                {
                    continue; // a default that cannot be evaluated here is not worth a warning
                }

                if (Refusal(rule, new Evaluated(value, Known: true), inputs, defined) is { } reason)
                {
                    seen.Add(rule.Variable);
                    found.Add(new UnimplementedSetting(rule.Variable, Yaml(value), reason, Location: null)
                    {
                        KollaAnsibleDefault = rule.KollaAnsibleDefault,
                        Silence = rule.Kind == UnimplementedRuleKind.SupportedValues
                            ? $"{rule.Variable}: {Yaml(rule.Supported[0])}"
                            : $"{rule.Variable}: \"no\"",
                    });
                }
            }
        }

        return found;
    }

    private static string? Refusal(UnimplementedRule rule, Evaluated value, DeploymentInputs inputs, HashSet<string> defined) => rule.Kind switch
    {
        UnimplementedRuleKind.Service when IsTrue(value) && inputs.Catalogue.Find(rule.Text) is null && !defined.Contains(rule.Variable) =>
            $"service '{rule.Text}' is not in the catalogue",
        UnimplementedRuleKind.Feature when IsTrue(value) && !defined.Contains(rule.Variable) => $"{rule.Text} is not implemented",
        UnimplementedRuleKind.RefusedWhenTrue when IsTrue(value) => rule.Text,
        UnimplementedRuleKind.SupportedValues when !value.Known || !rule.Supported.Contains(Text(value.Value), StringComparer.Ordinal) => rule.Text,
        _ => null,
    };

    // Ansible's `| bool`: a value that is no boolean spelling is false. A template we could not evaluate counts as set.
    private static bool IsTrue(Evaluated value) => !value.Known || (AnsibleBoolean.TryParse(value.Value, out var b) && b);

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => PyText.Str(value),
    };

    /// <summary>Every variable the catalogue defines: its common defaults and each service's defaults (overlays included).</summary>
    private static HashSet<string> DefinedVariables(DeploymentInputs inputs)
    {
        var defined = new HashSet<string>(inputs.Catalogue.CommonDefaults.Keys, StringComparer.Ordinal);
        foreach (var service in inputs.Catalogue.Services)
        {
            defined.UnionWith(service.Defaults.Keys);
        }

        return defined;
    }

    /// <summary>The operator's layers as each host sees them, lowest precedence first; one view without a host when the inventory has none.</summary>
    private static IEnumerable<IReadOnlyList<Layer>> Views(DeploymentInputs inputs, GlobalsPrecedence precedence)
    {
        var globals = new Layer(inputs.Globals, key => inputs.GlobalsLocations.TryGetValue(key, out var location)
            ? new Origin(location.File == "globals.yml" ? 0 : 1, location.File, location.Line)
            : new Origin(0, "globals.yml", 0));
        var extra = new Layer(inputs.ExtraVars, _ => new Origin(3, "-e", 0));
        if (inputs.Inventory.Hosts.Count == 0)
        {
            yield return [globals, extra];
            yield break;
        }

        foreach (var host in inputs.Inventory.Hosts)
        {
            var inventory = InventoryVarsLayers.ForHost(inputs.Inventory, host.Name).Layers
                .Select(layer => new Layer(layer.Values, key => layer.Locations.TryGetValue(key, out var location)
                    ? new Origin(2, location.File, location.Line)
                    : new Origin(2, layer.Name, 0)))
                .ToList();
            yield return precedence == GlobalsPrecedence.LikeKollaAnsible ? [.. inventory, globals, extra] : [globals, .. inventory, extra];
        }
    }

    private static LayeredVariableScope Scope(DeploymentInputs inputs, IReadOnlyList<Layer> view)
    {
        var layers = new List<IReadOnlyDictionary<string, object?>> { inputs.Catalogue.CommonDefaults };
        layers.AddRange(inputs.Catalogue.Services.Select(s => s.Defaults));
        layers.AddRange(view.Select(l => l.Values));
        return new LayeredVariableScope(layers);
    }

    private static bool TryExplicit(IReadOnlyList<Layer> view, string variable, out object? raw, out Origin origin)
    {
        for (var i = view.Count - 1; i >= 0; i--)
        {
            if (view[i].Values.TryGetValue(variable, out raw))
            {
                origin = view[i].Where(variable);
                return true;
            }
        }

        raw = null;
        origin = default;
        return false;
    }

    private static Evaluated Evaluate(object? raw, string variable, LayeredVariableScope scope, TemplateRenderer renderer)
    {
        if (raw is not string text || !IsTemplate(text))
        {
            return new(raw, Known: true);
        }

        try
        {
            return new(renderer.ResolveVariable(scope, variable), Known: true);
        }
        catch (KollaException)
        {
            return new(null, Known: false);
        }
    }

    private static bool IsTemplate(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal);

    private static string Display(object? raw, Evaluated value) =>
        raw is string text && IsTemplate(text)
            ? $"{Yaml(raw)} (= {(value.Known ? Yaml(value.Value) : "not evaluated here")})"
            : Yaml(raw);

    /// <summary>A value as YAML would show it: strings double-quoted, booleans and numbers bare.</summary>
    private static string Yaml(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => PyText.Str(value),
    };

    private readonly record struct Evaluated(object? Value, bool Known);

    /// <summary>Where a value was set: rank 0 globals.yml, 1 globals.d, 2 inventory, 3 -e.</summary>
    private readonly record struct Origin(int Rank, string File, int Line)
    {
        public override string ToString()
        {
            var place = Line > 0 ? $"{File}:{Line}" : File;
            return Rank switch
            {
                2 => "inventory " + place,
                3 => "-e",
                _ => place,
            };
        }
    }

    private sealed record Layer(IReadOnlyDictionary<string, object?> Values, Func<string, Origin> Where);
}
