namespace Kolla.Configuration;

/// <summary>
/// Merges INI sources in order, later sources winning, exactly as kolla-ansible's <c>merge_configs</c> action does.
/// </summary>
/// <remarks>
/// Missing sources are skipped. Within one source a repeated key keeps every occurrence; a later source replaces a
/// key's whole occurrence list; new sections and keys are appended in first-seen order; nothing is ever deleted.
/// Write the result with <see cref="IniDocument.ToText"/>.
/// </remarks>
public static class IniMerger
{
    /// <summary>Merges <paramref name="sources"/> in order.</summary>
    /// <exception cref="ConfigMergeException">A source breaks the INI rules (the message names the source and line).</exception>
    public static IniDocument Merge(IEnumerable<ConfigSource> sources, IniMergeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= IniMergeOptions.Default;
        var document = new IniDocument();
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source);
            document.AddSource(source.Name, source.Exists);
            if (source.Text is not { } text)
            {
                continue;
            }

            if (options.Renderer is { } render)
            {
                text = render(source.Name, text);
            }

            IniParser.Fold(document, text, source.Name, document.AddLayer(source.Name, text), options.TrackShadowed);
        }

        return document;
    }

    /// <summary>Reads the files (missing ones are skipped) and merges them in order.</summary>
    /// <exception cref="ConfigMergeException">A file is a directory, is not UTF-8, or breaks the INI rules.</exception>
    public static async Task<IniDocument> MergeFilesAsync(
        IEnumerable<string> paths, IniMergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = new List<ConfigSource>();
        foreach (var path in paths)
        {
            sources.Add(await ConfigSource.ReadFileAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return Merge(sources, options);
    }
}
