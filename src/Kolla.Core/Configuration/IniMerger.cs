using System.Text;

namespace Kolla.Configuration;

/// <summary>
/// Merges INI sources in order, later sources winning, exactly as kolla-ansible's <c>merge_configs</c> action does.
/// </summary>
/// <remarks>
/// Missing sources are skipped. Within one source a repeated key keeps every occurrence; a later source replaces a
/// key's whole occurrence list; new sections and keys are appended in first-seen order; nothing is ever deleted.
/// Write the result with <see cref="IniDocument.ToText"/>. The merge works on UTF-8: files are parsed as read (after
/// a validity check), text sources are encoded first. Scanning a source (lines, keys, hashes) needs nothing from the
/// other sources, so files, and large text sources, are read and scanned in parallel, then taken in order
/// (<see cref="IniDocument.Add"/>) and merged section by section (<see cref="IniDocument.Complete"/>); a renderer,
/// when given, runs one source at a time in order.
/// </remarks>
public static class IniMerger
{
    /// <summary>Total characters of text sources from which scanning them in parallel pays for the hand-off.</summary>
    private const long ParallelTextThreshold = 256 * 1024;

    /// <summary>Merges <paramref name="sources"/> in order.</summary>
    /// <exception cref="ConfigMergeException">A source breaks the INI rules (the message names the source and line).</exception>
    public static IniDocument Merge(IEnumerable<ConfigSource> sources, IniMergeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= IniMergeOptions.Default;
        if (options.Renderer is { } render)
        {
            // Rendered one source at a time, in order, as they are enumerated.
            return MergeInOrder(sources, render, options);
        }

        var list = new List<ConfigSource>();
        long total = 0;
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source);
            list.Add(source);
            total += source.Text?.Length ?? 0;
        }

        if (total < ParallelTextThreshold)
        {
            return MergeInOrder(list, render: null, options);
        }

        var document = new IniDocument();
        var scans = new Task<IniLayerScan>?[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { Text: { } text, Name: var name })
            {
                scans[i] = Task.Run(() => IniParser.Scan(Encoding.UTF8.GetBytes(text), name));
            }
        }

        for (var i = 0; i < list.Count; i++)
        {
            document.AddSource(list[i].Name, list[i].Exists);
            if (scans[i] is not { } task)
            {
                continue;
            }

            IniLayerScan scan;
            try
            {
                scan = task.GetAwaiter().GetResult();
            }
            catch
            {
                ReleaseWhenDone(scans.Skip(i + 1), static scan => scan);
                throw;
            }

            document.Add(list[i].Name, scan);
        }

        document.Complete(options.TrackShadowed);
        return document;
    }

    /// <summary>Scans and merges <paramref name="sources"/> one at a time, in order, each rendered first when <paramref name="render"/> is given.</summary>
    private static IniDocument MergeInOrder(IEnumerable<ConfigSource> sources, ConfigSourceRenderer? render, IniMergeOptions options)
    {
        var document = new IniDocument();
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source);
            document.AddSource(source.Name, source.Exists);
            if (source.Text is { } text)
            {
                Scan(document, source.Name, Encoding.UTF8.GetBytes(render is null ? text : render(source.Name, text)));
            }
        }

        document.Complete(options.TrackShadowed);
        return document;
    }

    /// <summary>Reads the files (missing ones are skipped) and merges them in order.</summary>
    /// <exception cref="ConfigMergeException">A file is a directory, is not UTF-8, or breaks the INI rules.</exception>
    public static async Task<IniDocument> MergeFilesAsync(
        IEnumerable<string> paths, IniMergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= IniMergeOptions.Default;
        if (options.Renderer is { } render)
        {
            var files = new List<(string Path, byte[]? Bytes)>();
            foreach (var path in paths)
            {
                files.Add((path, await ConfigSource.ReadUtf8FileAsync(path, cancellationToken).ConfigureAwait(false)));
            }

            var rendered = new IniDocument();
            foreach (var (path, bytes) in files)
            {
                rendered.AddSource(path, bytes is not null);
                if (bytes is not null)
                {
                    Scan(rendered, path, Encoding.UTF8.GetBytes(render(path, Encoding.UTF8.GetString(bytes))));
                }
            }

            rendered.Complete(options.TrackShadowed);
            return rendered;
        }

        var list = paths.ToList();
        var scans = new Task<FileScan>[list.Count];
        for (var i = 0; i < scans.Length; i++)
        {
            var path = list[i];
            scans[i] = Task.Run(() => ReadAndScanAsync(path, cancellationToken), cancellationToken);
        }

        var document = new IniDocument();
        for (var i = 0; i < scans.Length; i++)
        {
            FileScan file;
            try
            {
                file = await scans[i].ConfigureAwait(false);
            }
            catch
            {
                ReleaseWhenDone(scans.Skip(i + 1), static file => file.Scan);
                throw;
            }

            if (file.SyntaxError is { } syntaxError)
            {
                // Every file is read before any is parsed: a later file's read error is reported before this one.
                for (var j = i + 1; j < scans.Length; j++)
                {
                    try
                    {
                        (await scans[j].ConfigureAwait(false)).Scan?.Release();
                    }
                    catch
                    {
                        ReleaseWhenDone(scans.Skip(j + 1), static file => file.Scan);
                        throw;
                    }
                }

                throw syntaxError;
            }

            document.AddSource(list[i], file.Scan is not null);
            if (file.Scan is { } scan)
            {
                document.Add(list[i], scan);
            }
        }

        document.Complete(options.TrackShadowed);
        return document;
    }

    /// <summary>Reads a file and scans it; a read error is thrown, a syntax error returned (it ranks after later files' read errors).</summary>
    private static async Task<FileScan> ReadAndScanAsync(string path, CancellationToken cancellationToken)
    {
        if (await ConfigSource.ReadUtf8FileAsync(path, cancellationToken).ConfigureAwait(false) is not { } bytes)
        {
            return default;
        }

        try
        {
            return new FileScan(IniParser.Scan(bytes, path), null);
        }
        catch (ConfigMergeException e)
        {
            return new FileScan(null, e);
        }
    }

    private static void Scan(IniDocument document, string name, byte[] utf8) => document.Add(name, IniParser.Scan(utf8, name));

    /// <summary>Returns the record arrays of scans that are still running (or done) once they finish; errors are observed and dropped.</summary>
    /// <param name="tasks">The abandoned scans (null: a source with nothing to scan).</param>
    /// <param name="scanOf">The scan a finished task holds, if any.</param>
    private static void ReleaseWhenDone<T>(IEnumerable<Task<T>?> tasks, Func<T, IniLayerScan?> scanOf)
    {
        foreach (var task in tasks)
        {
            task?.ContinueWith(
                static (t, state) =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        ((Func<T, IniLayerScan?>)state!)(t.Result)?.Release();
                    }
                    else
                    {
                        _ = t.Exception; // observed, so an abandoned scan's error is not reported as unobserved
                    }
                },
                scanOf,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>A file's scan (null when the file is missing) or its syntax error.</summary>
    private readonly record struct FileScan(IniLayerScan? Scan, ConfigMergeException? SyntaxError);
}
