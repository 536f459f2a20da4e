using System.Text;

namespace Kolla.Configuration;

/// <summary>
/// Merges INI sources in order, later sources winning, exactly as kolla-ansible's <c>merge_configs</c> action does.
/// </summary>
/// <remarks>
/// Missing sources are skipped. Within one source a repeated key keeps every occurrence; a later source replaces a
/// key's whole occurrence list; new sections and keys are appended in first-seen order; nothing is ever deleted.
/// Write the result with <see cref="IniDocument.ToText"/>. The merge works on UTF-8: files are parsed as read (after
/// a validity check), text sources are encoded first.
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

            Fold(document, source.Name, Encoding.UTF8.GetBytes(text), options);
        }

        return document;
    }

    /// <summary>Reads the files (missing ones are skipped) and merges them in order.</summary>
    /// <exception cref="ConfigMergeException">A file is a directory, is not UTF-8, or breaks the INI rules.</exception>
    public static async Task<IniDocument> MergeFilesAsync(
        IEnumerable<string> paths, IniMergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= IniMergeOptions.Default;
        var files = new List<(string Path, byte[]? Bytes)>();
        foreach (var path in paths)
        {
            files.Add((path, await ConfigSource.ReadUtf8FileAsync(path, cancellationToken).ConfigureAwait(false)));
        }

        var document = new IniDocument();
        foreach (var (path, bytes) in files)
        {
            document.AddSource(path, bytes is not null);
            if (bytes is null)
            {
                continue;
            }

            Fold(document, path, options.Renderer is { } render ? Encoding.UTF8.GetBytes(render(path, Encoding.UTF8.GetString(bytes))) : bytes, options);
        }

        return document;
    }

    private static void Fold(IniDocument document, string name, byte[] utf8, IniMergeOptions options) =>
        IniParser.Fold(document, utf8, name, document.AddLayer(name, utf8), options.TrackShadowed);
}
