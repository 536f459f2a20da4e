using System.Globalization;
using System.Numerics;
using Kolla.Compat;

namespace Kolla.Configuration;

/// <summary>
/// Deep-merges YAML sources in order, later sources winning, exactly as kolla-ansible's <c>merge_yaml</c> action
/// does; <see cref="MergeToText"/> writes the result as its <c>yaml.dump</c> does.
/// </summary>
/// <remarks>
/// For each key of a later mapping: a mapping value merges recursively (an empty mapping over a non-mapping leaves
/// the old value); with <see cref="YamlMergeOptions.ExtendLists"/> a list is appended to an earlier list; anything
/// else replaces. A later <c>null</c> does not delete a key. Sources that are empty, comment-only or falsy count as
/// empty mappings; missing sources are skipped. Where kolla crashes (a mapping merged into a scalar, a non-mapping
/// document, a non-list extending a list) this fails cleanly naming the file, line and key.
/// </remarks>
public static class YamlMerger
{
    /// <summary>Merges <paramref name="sources"/> in order.</summary>
    /// <exception cref="ConfigMergeException">A source is not valid YAML, is not a mapping, or cannot be merged.</exception>
    public static YamlMapping Merge(IEnumerable<ConfigSource> sources, YamlMergeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        options ??= YamlMergeOptions.Default;
        var output = new YamlMapping();
        foreach (var source in sources)
        {
            ArgumentNullException.ThrowIfNull(source);
            if (source.Text is not { } text)
            {
                continue;
            }

            if (options.Renderer is { } render)
            {
                text = render(source.Name, text);
            }

            var loaded = SafeLoadProfile.Load(text, source.Name);
            // kolla uses "result or {}": a falsy document counts as an empty mapping.
            if (PyTruth.IsFalsy(loaded))
            {
                continue;
            }

            if (loaded is not YamlMapping mapping)
            {
                throw new ConfigMergeException(source.Name, null, $"the document is {Describe(loaded)}, not a mapping; merge_yaml needs a mapping at the top level");
            }

            MergeInto(output, mapping, options.ExtendLists, source.Name, [], new HashSet<YamlMapping>(ReferenceEqualityComparer.Instance));
        }

        return output;
    }

    /// <summary>Merges <paramref name="sources"/> and writes the result as <c>merge_yaml</c> does.</summary>
    /// <exception cref="ConfigMergeException">A source is not valid YAML, is not a mapping, or cannot be merged.</exception>
    public static string MergeToText(IEnumerable<ConfigSource> sources, YamlMergeOptions? options = null) =>
        PyYamlWriter.Write(Merge(sources, options), options?.Width);

    /// <summary>Reads the files (missing ones are skipped) and merges them in order.</summary>
    /// <exception cref="ConfigMergeException">A file is a directory, is not UTF-8, is not valid YAML, or cannot be merged.</exception>
    public static async Task<YamlMapping> MergeFilesAsync(
        IEnumerable<string> paths, YamlMergeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = new List<ConfigSource>();
        foreach (var path in paths)
        {
            sources.Add(await ConfigSource.ReadFileAsync(path, cancellationToken).ConfigureAwait(false));
        }

        return Merge(sources, options);
    }

    private static void MergeInto(
        YamlMapping target, YamlMapping update, bool extendLists, string source, List<object?> path, HashSet<YamlMapping> active)
    {
        if (!active.Add(update))
        {
            // A mapping that contains itself (an alias inside its own anchor) would recurse forever; kolla dies with RecursionError.
            throw new ConfigMergeException(source, null, $"key '{KeyPath(path)}': the mapping contains itself (an alias inside its own anchor) and cannot be merged");
        }

        for (var i = 0; i < update.Count; i++)
        {
            var (key, value, line) = update.EntryAt(i);
            var found = target.TryGetValue(key, out var existing);
            if (value is YamlMapping child)
            {
                if (!found)
                {
                    var fresh = new YamlMapping();
                    path.Add(key);
                    MergeInto(fresh, child, extendLists, source, path, active);
                    path.RemoveAt(path.Count - 1);
                    target.Set(key, fresh, 0);
                }
                else if (existing is YamlMapping earlier)
                {
                    path.Add(key);
                    MergeInto(earlier, child, extendLists, source, path, active);
                    path.RemoveAt(path.Count - 1);
                }
                else if (child.Count > 0)
                {
                    throw Error(source, line, path, key, $"cannot merge a mapping into {Describe(existing)} set by an earlier source");
                }

                continue;
            }

            if (extendLists && found && existing is YamlSequence list)
            {
                if (value is not YamlSequence more)
                {
                    throw Error(source, line, path, key, $"extend_lists expects a list to append to the earlier list, but got {Describe(value)}");
                }

                list.AddRange(more);
                continue;
            }

            target.Set(key, value, 0);
        }

        active.Remove(update);
    }

    private static ConfigMergeException Error(string source, int line, List<object?> path, object? key, string message)
    {
        return new ConfigMergeException(source, line > 0 ? line : null, $"key '{KeyPath(path.Append(key))}': {message}");
    }

    private static string KeyPath(IEnumerable<object?> path) => string.Join('.', path.Select(KeyText));

    private static string KeyText(object? key) => key switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => PyYamlWriter.FloatText(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => key.ToString() ?? string.Empty,
    };

    private static string Describe(object? value) => value switch
    {
        null => "null",
        bool => "a boolean",
        BigInteger or int or long => "an integer",
        double => "a float",
        string => "a string",
        YamlDate => "a date",
        YamlTimestamp => "a timestamp",
        YamlSequence => "a list",
        YamlMapping => "a mapping",
        _ => value.GetType().Name,
    };
}
