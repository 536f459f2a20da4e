using System.Collections.Frozen;

namespace Kolla.Templates.Jinja;

/// <summary>Every filter a template may use: Jinja's, Ansible's and kolla's.</summary>
internal static class JinjaFilters
{
    public static FrozenDictionary<string, JinjaFilter> All { get; } = Build();

    public static JinjaFilter Get(string name, int line) =>
        All.TryGetValue(name, out var filter) ? filter : throw new TemplateRuntimeException($"unknown filter '{name}'", line);

    private static FrozenDictionary<string, JinjaFilter> Build()
    {
        var filters = new Dictionary<string, JinjaFilter>(StringComparer.Ordinal);
        CoreFilters.Register(filters);
        AnsibleFilters.Register(filters);
        KollaFilters.Register(filters);
        BuildFilters.Register(filters);
        return filters.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
