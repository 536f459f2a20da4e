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
    public static async Task<IReadOnlyDictionary<string, object?>> LoadAsync(IEnumerable<string> options, CancellationToken cancellationToken = default) =>
        (await LoadWithOriginsAsync(options, cancellationToken).ConfigureAwait(false)).Values;

    /// <summary>
    /// Reads and merges the options, with where each key was set: the <c>@FILE</c> path, or the option as the operator
    /// wrote it (<see cref="SourceName"/>), and the key's line in it (0 for <c>key=value</c> options).
    /// </summary>
    /// <exception cref="InventoryException">A file is missing or invalid, or an option is not a mapping or <c>key=value</c>.</exception>
    internal static async Task<(IReadOnlyDictionary<string, object?> Values, IReadOnlyDictionary<string, InventoryLocation> Origins)> LoadWithOriginsAsync(
        IEnumerable<string> options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var origins = new Dictionary<string, InventoryLocation>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            if (string.IsNullOrEmpty(option))
            {
                continue;
            }

            IReadOnlyDictionary<string, object?> data;
            IReadOnlyDictionary<string, int> lines;
            string source;
            if (option[0] == '@')
            {
                source = Path.GetFullPath(option[1..]);
                if (!File.Exists(source))
                {
                    throw new InventoryException(source, null, "extra vars file not found");
                }

                var text = await InventoryFiles.ReadTextAsync(source, cancellationToken).ConfigureAwait(false);
                (data, lines) = ReadMapping(text, source);
            }
            else if (option[0] is '{' or '[')
            {
                source = SourceName(option);
                (data, lines) = ReadMapping(option, source);
            }
            else
            {
                source = SourceName(option);
                data = ParseKeyValues(option);
                lines = new Dictionary<string, int>();
            }

            foreach (var (key, value) in data)
            {
                result[key] = value;
                origins[key] = new InventoryLocation(source, lines.GetValueOrDefault(key));
            }
        }

        return (result.AsReadOnly(), origins.AsReadOnly());
    }

    /// <summary>How messages name an inline <c>-e</c> option: <c>-e '...'</c>, cut after 60 characters.</summary>
    internal static string SourceName(string option)
    {
        var shown = option.ReplaceLineEndings(" ");
        return shown.Length <= 60 ? $"-e '{shown}'" : $"-e '{shown[..57]}...'";
    }

    private static (IReadOnlyDictionary<string, object?> Data, IReadOnlyDictionary<string, int> Lines) ReadMapping(string text, string source)
    {
        var node = InventoryYaml.Parse(text, source);
        return InventoryYaml.ToPlain(node, source) switch
        {
            null => (new Dictionary<string, object?>(), new Dictionary<string, int>()),
            Dictionary<string, object?> dict => (dict, InventoryYaml.KeyLines(node, source)),
            var value => throw new InventoryException(source, node?.Line ?? 1, $"Invalid extra vars data supplied: expected a mapping, got {PyText.TypeName(value)}"),
        };
    }

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
