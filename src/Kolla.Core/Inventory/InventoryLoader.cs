using Kolla.Compat;

namespace Kolla.Inventory;

/// <summary>
/// Loads Ansible inventories (INI or YAML, files or directories, several at once like repeated
/// <c>-i</c>) with the <c>group_vars/</c> and <c>host_vars/</c> beside them.
/// </summary>
/// <remarks>
/// <para>A file whose name has no extension or ends in <c>.yml</c>, <c>.yaml</c> or <c>.json</c> is tried
/// as a YAML inventory first, then as INI (ansible's default plugin order); any other file is INI. A
/// directory stands for its files in name order (hidden files, <c>*.ini</c>, <c>*.cfg</c>, <c>*.md</c>,
/// <c>*.txt</c> and the other endings ansible ignores are skipped). Executable inventory scripts and
/// comma-separated host lists are not supported.</para>
/// <para>Where ansible-inventory only warns that a source could not be parsed and carries on without it,
/// this throws: a deployment must not run against half an inventory.</para>
/// </remarks>
public static class InventoryLoader
{
    private static readonly string[] YamlExtensions = [string.Empty, ".yml", ".yaml", ".json"];

    /// <summary>Loads one inventory file or directory.</summary>
    /// <param name="path">The inventory path.</param>
    /// <param name="cancellationToken">Cancels the file reads.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="InventoryException">A source is missing or invalid; the message names file and line.</exception>
    public static Task<Inventory> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return LoadAsync([path], cancellationToken);
    }

    /// <summary>Loads several inventories into one, in order, as <c>ansible-inventory -i A -i B</c> does.</summary>
    /// <param name="paths">The inventory files or directories.</param>
    /// <param name="cancellationToken">Cancels the file reads.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="InventoryException">A source is missing or invalid; the message names file and line.</exception>
    /// <example>
    /// <code>
    /// Inventory inventory = await InventoryLoader.LoadAsync(["/etc/kolla/multinode", "/etc/kolla/extra.yml"], ct);
    /// </code>
    /// </example>
    public static async Task<Inventory> LoadAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = paths.Select(FullPath).ToList();
        if (sources.Count == 0)
        {
            throw new ArgumentException("At least one inventory path is required.", nameof(paths));
        }

        var builder = new InventoryBuilder();
        foreach (var source in sources)
        {
            builder.AddSource(source);
            if (Directory.Exists(source))
            {
                foreach (var file in InventoryFiles.InventoryDirectoryFiles(source))
                {
                    var text = await InventoryFiles.ReadTextAsync(file, cancellationToken).ConfigureAwait(false);
                    ParseFile(text, file, builder);
                }
            }
            else if (File.Exists(source))
            {
                var text = await InventoryFiles.ReadTextAsync(source, cancellationToken).ConfigureAwait(false);
                ParseFile(text, source, builder);
            }
            else
            {
                throw new InventoryException(source, null, "inventory source not found");
            }
        }

        builder.Reconcile();
        await LoadVarsFilesAsync(builder, cancellationToken).ConfigureAwait(false);
        return builder.Build();
    }

    /// <summary>Parses inventory text (YAML first, then INI, like a file without extension); no vars directories.</summary>
    /// <param name="text">The inventory text.</param>
    /// <param name="fileName">The name errors and locations show.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="InventoryException">The text is not a valid inventory.</exception>
    public static Inventory Parse(string text, string fileName = "<inventory>") =>
        Single(text, fileName, b => ParseFile(text, fileName, b, yamlFirst: true));

    /// <summary>Parses INI inventory text; no vars directories.</summary>
    /// <param name="text">The inventory text.</param>
    /// <param name="fileName">The name errors and locations show.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="InventoryException">The text is not a valid INI inventory.</exception>
    public static Inventory ParseIni(string text, string fileName = "<inventory>") =>
        Single(text, fileName, b => IniInventoryParser.Parse(text, fileName, b));

    /// <summary>Parses YAML (or JSON) inventory text; no vars directories.</summary>
    /// <param name="text">The inventory text.</param>
    /// <param name="fileName">The name errors and locations show.</param>
    /// <returns>The inventory.</returns>
    /// <exception cref="InventoryException">The text is not a valid YAML inventory.</exception>
    public static Inventory ParseYaml(string text, string fileName = "<inventory>") =>
        Single(text, fileName, b => YamlInventoryParser.Parse(InventoryYaml.Parse(text, fileName), fileName, b));

    private static Inventory Single(string text, string fileName, Action<InventoryBuilder> parse)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var builder = new InventoryBuilder { CurrentFile = fileName };
        builder.AddSource(fileName);
        parse(builder);
        builder.Reconcile();
        return builder.Build();
    }

    private static string FullPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..];
        }

        return Path.GetFullPath(path);
    }

    private static void ParseFile(string text, string file, InventoryBuilder builder) =>
        ParseFile(text, file, builder, YamlExtensions.Contains(Path.GetExtension(file), StringComparer.Ordinal));

    // ansible tries its yaml plugin (for these extensions), then its ini plugin; the first that succeeds wins.
    private static void ParseFile(string text, string file, InventoryBuilder builder, bool yamlFirst)
    {
        builder.CurrentFile = file;
        InventoryException? yamlError = null;
        var looksLikeYaml = false;
        if (yamlFirst)
        {
            try
            {
                var root = InventoryYaml.Parse(text, file);
                looksLikeYaml = root is YMapping;
                YamlInventoryParser.Parse(root, file, builder);
                return;
            }
            catch (InventoryException e)
            {
                yamlError = e;
            }
        }

        try
        {
            IniInventoryParser.Parse(text, file, builder);
        }
        catch (InventoryException) when (looksLikeYaml && yamlError is not null)
        {
            // A YAML mapping that the YAML inventory rules refuse: that error is the useful one.
            throw yamlError;
        }
    }

    private static async Task LoadVarsFilesAsync(InventoryBuilder builder, CancellationToken cancellationToken)
    {
        var loaded = new Dictionary<string, (IReadOnlyDictionary<string, object?> Values, IReadOnlyDictionary<string, int> Lines)?>(StringComparer.Ordinal);
        for (var index = 0; index < builder.Sources.Count; index++)
        {
            var source = builder.Sources[index];
            var baseDir = Directory.Exists(source) ? source : Path.GetDirectoryName(source)!;
            foreach (var (subdir, isGroup) in new[] { ("group_vars", true), ("host_vars", false) })
            {
                var directory = Path.Combine(baseDir, subdir);
                if (!Directory.Exists(directory))
                {
                    if (File.Exists(directory))
                    {
                        builder.Warn($"Found {subdir} that is not a directory, skipping: {directory}");
                    }

                    continue;
                }

                var listing = InventoryFiles.Listing(directory);
                var entities = isGroup ? builder.GroupNames.ToList() : builder.HostNames.ToList();
                foreach (var entity in entities)
                {
                    foreach (var file in InventoryFiles.FindVarsFiles(directory, listing, entity))
                    {
                        if (!loaded.TryGetValue(file, out var values))
                        {
                            values = await LoadVarsFileAsync(file, cancellationToken).ConfigureAwait(false);
                            loaded[file] = values;
                        }

                        if (values is null)
                        {
                            continue;
                        }

                        var varsFile = new InventoryVarsFile(file, index, values.Value.Values) { Lines = values.Value.Lines };
                        if (isGroup)
                        {
                            builder.AddGroupVarsFile(entity, varsFile);
                        }
                        else
                        {
                            builder.AddHostVarsFile(entity, varsFile);
                        }
                    }
                }
            }
        }
    }

    // An empty file (or one holding a falsy value) is skipped, as ansible does; anything else must be a mapping.
    private static async Task<(IReadOnlyDictionary<string, object?> Values, IReadOnlyDictionary<string, int> Lines)?> LoadVarsFileAsync(string file, CancellationToken cancellationToken)
    {
        var text = await InventoryFiles.ReadTextAsync(file, cancellationToken).ConfigureAwait(false);
        if (text.StartsWith("$ANSIBLE_VAULT;", StringComparison.Ordinal))
        {
            throw new InventoryException(file, 1, "vault-encrypted vars files are not supported");
        }

        var node = InventoryYaml.Parse(text, file);
        var value = InventoryYaml.ToPlain(node, file);
        if (InventoryYaml.IsFalsy(value))
        {
            return null;
        }

        return value is Dictionary<string, object?> dict
            ? (dict.AsReadOnly(), InventoryYaml.KeyLines(node, file))
            : throw new InventoryException(file, 1, $"a vars file must hold a mapping, got {PyText.TypeName(value)}");
    }
}
