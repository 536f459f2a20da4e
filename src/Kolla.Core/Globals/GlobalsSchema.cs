namespace Kolla.Globals;

/// <summary>The expected type of each known global, derived from the defaults table.</summary>
internal static class GlobalsSchema
{
    private static readonly HashSet<string> TemplatedBooleans = new(StringComparer.Ordinal)
    {
        "kolla_enable_tls_external",
        "kolla_same_external_internal_vip",
    };

    /// <summary>The kind of a key, or null for a free-form key Kolla does not interpret.</summary>
    public static GlobalKind? KindOf(string key)
    {
        if (key.StartsWith("enable_", StringComparison.Ordinal) || TemplatedBooleans.Contains(key))
        {
            return GlobalKind.Boolean;
        }

        if (!GlobalsDefaults.Values.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            bool => GlobalKind.Boolean,
            long => GlobalKind.Integer,
            IReadOnlyDictionary<string, object?> => GlobalKind.Mapping,
            System.Collections.IList => GlobalKind.List,
            _ => GlobalKind.Text,
        };
    }

    public static string Describe(GlobalKind kind) => kind switch
    {
        GlobalKind.Boolean => "a boolean (yes/no, true/false, on/off, 1/0)",
        GlobalKind.Integer => "a whole number",
        GlobalKind.Mapping => "a mapping",
        GlobalKind.List => "a list",
        _ => "a single value (text or number)",
    };
}
