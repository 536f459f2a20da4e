using System.Text;

namespace Kolla.Inventory;

/// <summary>File-system rules ansible applies around inventories: reading text, walking inventory
/// directories, finding <c>group_vars/</c> and <c>host_vars/</c> files.</summary>
internal static class InventoryFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // ansible's INVENTORY_IGNORE_EXTS default: files with these endings are skipped in inventory directories.
    private static readonly string[] IgnoredEndings =
        [".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".ini", ".cfg", ".retry"];

    // YAML_FILENAME_EXTENSIONS, after the bare name.
    private static readonly string[] VarsExtensions = [string.Empty, ".yml", ".yaml", ".json"];

    /// <summary>Reads a file as UTF-8 (a byte-order mark is dropped).</summary>
    /// <exception cref="InventoryException">The file cannot be read (no line), or is not UTF-8 (the line of the first bad byte).</exception>
    public static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await InputFile.ReadAllBytesAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InventoryException(path, null, $"cannot read file: {e.Message}", e);
        }

        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Clamp(e.Index, 0, Math.Max(bytes.Length - 1, 0));
            var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
            throw new InventoryException(path, line, $"file is not valid UTF-8 (byte 0x{bytes[offset]:X2} at offset {offset})", e);
        }
    }

    /// <summary>
    /// The files an inventory directory stands for, as ansible walks it: entries sorted by name, hidden
    /// entries, <c>group_vars</c>, <c>host_vars</c>, <c>vars_plugins</c> and ignored endings skipped,
    /// sub-directories walked the same way.
    /// </summary>
    public static IEnumerable<string> InventoryDirectoryFiles(string directory)
    {
        foreach (var entry in SortedEntries(directory))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') || name is "group_vars" or "host_vars" or "vars_plugins"
                || IgnoredEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal)))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                foreach (var file in InventoryDirectoryFiles(entry))
                {
                    yield return file;
                }
            }
            else
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// ansible's <c>find_vars_files</c>: in <paramref name="directory"/>, the first of <c>NAME</c>,
    /// <c>NAME.yml</c>, <c>NAME.yaml</c>, <c>NAME.json</c> that exists; a directory stands for every
    /// file in it (sorted, recursively; hidden files, backups <c>~</c> and other extensions skipped).
    /// </summary>
    /// <param name="directory">The <c>group_vars</c> or <c>host_vars</c> directory.</param>
    /// <param name="listing">Names present in <paramref name="directory"/> (to avoid a probe per host).</param>
    /// <param name="entity">The group or host name.</param>
    public static List<string> FindVarsFiles(string directory, IReadOnlySet<string> listing, string entity)
    {
        var found = new List<string>();
        if (entity.StartsWith('/'))
        {
            return found;
        }

        foreach (var extension in VarsExtensions)
        {
            var name = entity + extension;
            var path = Path.Combine(directory, name);
            var exists = entity.Contains('/', StringComparison.Ordinal)
                ? File.Exists(path) || Directory.Exists(path)
                : listing.Contains(name);
            if (!exists)
            {
                continue;
            }

            if (Directory.Exists(path))
            {
                found.AddRange(DirectoryVarsFiles(path));
            }
            else
            {
                found.Add(path);
            }

            break;
        }

        return found;
    }

    /// <summary>The names directly inside a directory.</summary>
    public static HashSet<string> Listing(string directory) =>
        Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> DirectoryVarsFiles(string directory)
    {
        foreach (var entry in SortedEntries(directory))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') || name.EndsWith('~'))
            {
                continue;
            }

            var extension = PythonExtension(name);
            if (Directory.Exists(entry))
            {
                if (extension.Length == 0)
                {
                    foreach (var file in DirectoryVarsFiles(entry))
                    {
                        yield return file;
                    }
                }
            }
            else if (File.Exists(entry) && (extension.Length == 0 || VarsExtensions.Contains(extension, StringComparer.Ordinal)))
            {
                yield return entry;
            }
        }
    }

    // Python's os.path.splitext(name)[1]: from the last dot, unless the name is only leading dots before it.
    private static string PythonExtension(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0 || name[..dot].All(c => c == '.'))
        {
            return string.Empty;
        }

        return name[dot..];
    }

    // Python sorts names by code point; ordinal UTF-16 order is the same outside the surrogate range.
    private static IEnumerable<string> SortedEntries(string directory) =>
        Directory.EnumerateFileSystemEntries(directory)
            .OrderBy(e => Path.GetFileName(e), StringComparer.Ordinal)
            .ToList();
}
