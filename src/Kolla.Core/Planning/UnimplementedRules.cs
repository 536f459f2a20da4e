using Kolla.Compat;
using Kolla.Services;

namespace Kolla.Planning;

/// <summary>How one rule of <c>unimplemented.yml</c> decides that a value is not implemented.</summary>
internal enum UnimplementedRuleKind
{
    /// <summary>An <c>enable_*</c> flag of a kolla-ansible role: refused when true, the role is not in the catalogue and no catalogue variable defines the flag.</summary>
    Service,

    /// <summary>An <c>enable_*</c> flag of a feature we do not ship: refused when true and no catalogue variable defines the flag.</summary>
    Feature,

    /// <summary>A flag that changes nothing deployed: never refused.</summary>
    Accepted,

    /// <summary>A setting refused when true.</summary>
    RefusedWhenTrue,

    /// <summary>A setting refused unless its value is one of <see cref="UnimplementedRule.Supported"/>.</summary>
    SupportedValues,
}

/// <summary>One entry of <c>unimplemented.yml</c>.</summary>
/// <param name="Variable">The variable.</param>
/// <param name="Kind">How values are judged.</param>
/// <param name="Text">The service (<see cref="UnimplementedRuleKind.Service"/>), the feature, or the reason.</param>
/// <param name="Supported">The supported values (<see cref="UnimplementedRuleKind.SupportedValues"/>).</param>
/// <param name="KollaAnsibleDefault">kolla-ansible's default as a Jinja expression, for the unset-flag warning; null when none is kept.</param>
internal sealed record UnimplementedRule(string Variable, UnimplementedRuleKind Kind, string Text, IReadOnlyList<string> Supported, string? KollaAnsibleDefault);

/// <summary>Reads the embedded <c>Services/Catalogue/unimplemented.yml</c> (see its header for the format).</summary>
internal static class UnimplementedRules
{
    private const string ResourceName = "Kolla.Catalogue/unimplemented.yml";
    private const string Source = "catalogue/unimplemented.yml";

    private static readonly Lazy<IReadOnlyList<UnimplementedRule>> BuiltInRules = new(() =>
    {
        using var stream = typeof(UnimplementedRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Read(Source, reader.ReadToEnd());
    });

    /// <summary>The built-in rules: settings first, then flags, each in file order.</summary>
    public static IReadOnlyList<UnimplementedRule> BuiltIn => BuiltInRules.Value;

    /// <summary>Parses rules text.</summary>
    /// <exception cref="CatalogueException">The text is malformed (names the line).</exception>
    public static IReadOnlyList<UnimplementedRule> Read(string source, string yaml)
    {
        var nodes = new YamlNodes((line, message) => new CatalogueException(source, line, message));
        if (nodes.Parse(yaml) is not { } document)
        {
            return [];
        }

        var root = nodes.Mapping(document, "unimplemented.yml");
        var rules = new List<UnimplementedRule>();
        foreach (var (section, value, keyNode) in nodes.Entries(root))
        {
            var map = nodes.Mapping(value, section);
            foreach (var (variable, entry, _) in nodes.Entries(map))
            {
                rules.Add(section switch
                {
                    "settings" => Setting(nodes, variable, entry),
                    "flags" => Flag(nodes, variable, entry),
                    _ => throw nodes.Error(keyNode, $"unknown section '{section}' (expected flags or settings)"),
                });
            }
        }

        // Settings first: a variable listed in both is judged by its setting rule before its flag rule.
        return [.. rules.Where(r => r.Kind is UnimplementedRuleKind.RefusedWhenTrue or UnimplementedRuleKind.SupportedValues), .. rules.Where(r => r.Kind is not (UnimplementedRuleKind.RefusedWhenTrue or UnimplementedRuleKind.SupportedValues))];
    }

    private static UnimplementedRule Flag(YamlNodes nodes, string variable, YNode entry)
    {
        if (entry is YScalar)
        {
            return new(variable, UnimplementedRuleKind.Service, nodes.Text(entry, variable), [], null);
        }

        var map = nodes.Mapping(entry, variable);
        var fallback = nodes.OptionalText(map, "kolla_ansible_default", $"{variable}.kolla_ansible_default");
        if (nodes.OptionalText(map, "service", $"{variable}.service") is { } service)
        {
            return new(variable, UnimplementedRuleKind.Service, service, [], fallback);
        }

        if (nodes.OptionalText(map, "feature", $"{variable}.feature") is { } feature)
        {
            return new(variable, UnimplementedRuleKind.Feature, feature, [], fallback);
        }

        if (nodes.OptionalText(map, "accepted", $"{variable}.accepted") is { } accepted)
        {
            return new(variable, UnimplementedRuleKind.Accepted, accepted, [], null);
        }

        throw nodes.Error(entry, $"flag '{variable}' needs a service, a feature or accepted");
    }

    private static UnimplementedRule Setting(YamlNodes nodes, string variable, YNode entry)
    {
        var map = nodes.Mapping(entry, variable);
        var reason = nodes.OptionalText(map, "reason", $"{variable}.reason") ?? throw nodes.Error(entry, $"setting '{variable}' needs a reason");
        var fallback = nodes.OptionalText(map, "kolla_ansible_default", $"{variable}.kolla_ansible_default");
        if (YamlNodes.Find(map, "supported") is { } supported)
        {
            return new(variable, UnimplementedRuleKind.SupportedValues, reason, nodes.TextList(supported, $"{variable}.supported"), fallback);
        }

        return nodes.OptionalText(map, "refused", $"{variable}.refused") is "true"
            ? new(variable, UnimplementedRuleKind.RefusedWhenTrue, reason, [], fallback)
            : throw nodes.Error(entry, $"setting '{variable}' needs 'refused: true' or a 'supported' list");
    }
}
