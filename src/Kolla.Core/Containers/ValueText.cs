namespace Kolla.Containers;

/// <summary>Formats compared values for <see cref="ContainerDifference"/> (sets sorted, maps by key).</summary>
internal static class ValueText
{
    public static string Set(IEnumerable<string> values) =>
        "[" + string.Join(", ", values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + "]";

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";

    public static string Map(IEnumerable<KeyValuePair<string, string>> values) =>
        "{" + string.Join(", ", values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}")) + "}";

    public static bool SetEquals(IEnumerable<string> left, IEnumerable<string> right) =>
        new HashSet<string>(left, StringComparer.Ordinal).SetEquals(right);
}
