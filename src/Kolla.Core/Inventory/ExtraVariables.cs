using Kolla.Compat;

namespace Kolla.Inventory;

/// <summary>Extra variables given with <c>-e</c>, read the way ansible's <c>load_extra_vars</c> reads them.</summary>
/// <remarks>
/// Each option is <c>@FILE</c> (a YAML or JSON file holding a mapping), inline YAML/JSON starting with
/// <c>{</c> or <c>[</c> (typed), or shell-quoted <c>key=value</c> pairs (values stay strings). Later
/// options replace earlier ones key by key.
/// </remarks>
public static class ExtraVariables
{
    /// <summary>Reads and merges the options.</summary>
    /// <param name="options">The <c>-e</c> values in order.</param>
    /// <param name="cancellationToken">Cancels file reads.</param>
    /// <returns>The merged extra variables.</returns>
    /// <exception cref="InventoryException">A file is missing or invalid, or an option is not a mapping or <c>key=value</c>.</exception>
    public static async Task<IReadOnlyDictionary<string, object?>> LoadAsync(IEnumerable<string> options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (string.IsNullOrEmpty(option))
            {
                continue;
            }

            IReadOnlyDictionary<string, object?> data;
            if (option[0] == '@')
            {
                var path = Path.GetFullPath(option[1..]);
                if (!File.Exists(path))
                {
                    throw new InventoryException(path, null, "extra vars file not found");
                }

                var text = await InventoryFiles.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
                data = AsMapping(InventoryYaml.Load(text, path), path);
            }
            else if (option[0] is '{' or '[')
            {
                data = AsMapping(InventoryYaml.Load(option, "<extra vars>"), "<extra vars>");
            }
            else
            {
                data = ParseKeyValues(option);
            }

            foreach (var (key, value) in data)
            {
                result[key] = value;
            }
        }

        return result.AsReadOnly();
    }

    private static IReadOnlyDictionary<string, object?> AsMapping(object? value, string source) => value switch
    {
        null => new Dictionary<string, object?>(),
        Dictionary<string, object?> dict => dict,
        _ => throw new InventoryException(source, null, $"Invalid extra vars data supplied: expected a mapping, got {PyText.TypeName(value)}"),
    };

    private static Dictionary<string, object?> ParseKeyValues(string option)
    {
        List<string> words;
        try
        {
            words = ShellWords.Split(option, ShellSplitOptions.None);
        }
        catch (FormatException e)
        {
            throw new InventoryException(null, null, $"Invalid extra vars '{option}': {e.Message}");
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new InventoryException(null, null, $"Invalid extra vars '{option}': expected key=value, got '{word}'");
            }

            result[word[..eq].Trim()] = word[(eq + 1)..].Trim();
        }

        return result;
    }
}
