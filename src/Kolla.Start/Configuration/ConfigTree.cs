using System.Text.Json;

namespace Kolla.Start.Configuration;

/// <summary>
/// Reads config.json (or config.yaml) into a plain tree: <see cref="Dictionary{TKey, TValue}"/> for objects,
/// <see cref="List{T}"/> for arrays, <see cref="string"/>, <see cref="bool"/>, <see cref="double"/> and null.
/// Both formats share one validator, which needs the raw shape (missing vs null keys, unknown keys, JSON types).
/// </summary>
internal static class ConfigTree
{
    public static object? ParseJson(string text)
    {
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false });
        return Convert(document.RootElement);
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .Aggregate(new Dictionary<string, object?>(StringComparer.Ordinal), (map, property) =>
            {
                map[property.Name] = Convert(property.Value);
                return map;
            }),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.GetDouble(),
        _ => null,
    };
}
