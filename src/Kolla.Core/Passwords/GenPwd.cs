using Kolla.Compat;

namespace Kolla.Passwords;

/// <summary>
/// kolla-genpwd: fills every empty key of a passwords file with the kind of value kolla uses for it and never
/// changes a value that is already set.
/// </summary>
public static class GenPwd
{
    /// <summary>Fills the empty keys of a store.</summary>
    /// <param name="store">The passwords.</param>
    /// <param name="generator">Where values come from.</param>
    /// <param name="filledKeys">The keys that were filled, sorted.</param>
    /// <returns>The filled store (the same instance when nothing was empty).</returns>
    /// <exception cref="PasswordsException">An SSH key entry that is neither empty nor a mapping.</exception>
    public static PasswordStore Fill(PasswordStore store, PasswordGenerator generator, out IReadOnlyList<string> filledKeys) =>
        Fill(store, generator, progress: null, out filledKeys);

    /// <summary>Fills the empty keys of a store, reporting the RSA key pairs as they are generated.</summary>
    /// <param name="store">The passwords.</param>
    /// <param name="generator">Where values come from.</param>
    /// <param name="progress">Told the number of key pairs to make before the first, then after each (from any thread); null for none.</param>
    /// <param name="filledKeys">The keys that were filled, sorted.</param>
    /// <returns>The filled store (the same instance when nothing was empty).</returns>
    /// <exception cref="PasswordsException">An SSH key entry that is neither empty nor a mapping.</exception>
    public static PasswordStore Fill(PasswordStore store, PasswordGenerator generator, IProgress<GenPwdProgress>? progress, out IReadOnlyList<string> filledKeys)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(generator);
        var filled = new List<string>();
        var kinds = new List<PasswordKind>();
        foreach (var (key, value) in store.Values)
        {
            var kind = PasswordCatalog.KindOf(key);
            if (kind != PasswordKind.AlwaysBlank && NeedsValue(key, kind, value, store))
            {
                filled.Add(key);
                kinds.Add(kind);
            }
        }

        // RSA key pairs take most of the time (about a second each at 4096 bits): one per core at once.
        var values = new object?[filled.Count];
        var keys = kinds.Count(k => k == PasswordKind.SshKeyPair);
        var done = 0;
        if (keys > 0)
        {
            progress?.Report(new GenPwdProgress(0, keys));
        }

        Parallel.For(0, values.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            values[i] = generator.Generate(kinds[i]);
            if (kinds[i] == PasswordKind.SshKeyPair)
            {
                progress?.Report(new GenPwdProgress(Interlocked.Increment(ref done), keys));
            }
        });
        var result = store;
        for (var i = 0; i < values.Length; i++)
        {
            result = result.With(filled[i], values[i]);
        }

        filled.Sort(StringComparer.Ordinal);
        filledKeys = filled;
        return result;
    }

    /// <summary>
    /// Runs genpwd on a file: reads it (or, when missing and <paramref name="createIfMissing"/>, starts from
    /// <see cref="PasswordCatalog.BuiltInKeys"/>), fills empty keys, and writes it atomically with mode 0600.
    /// The file is left untouched when its text would not change (only its mode is tightened).
    /// </summary>
    /// <remarks>
    /// A symbolic link is written through: the file it points to is read and replaced and the link stays (a dangling
    /// link gets its target created, when that directory exists). Whether the target can be written is checked before
    /// any value is generated. What could not be written back exactly is refused, the file left as it is: bytes that are
    /// not UTF-8 (rather than read with replacement characters) and values with tags other than the core schema's.
    /// </remarks>
    /// <exception cref="PasswordsException">Unreadable or malformed file, or it cannot be written.</exception>
    public static Task<GenPwdResult> RunAsync(
        string path,
        bool createIfMissing = true,
        PasswordGenerator? generator = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(path, createIfMissing, generator, progress: null, cancellationToken);

    /// <summary>Runs genpwd on a file, as the other overload, reporting the RSA key pairs as they are generated.</summary>
    /// <param name="path">The passwords file.</param>
    /// <param name="createIfMissing">Start from the built-in key list when the file does not exist.</param>
    /// <param name="generator">Where values come from; null for the default.</param>
    /// <param name="progress">Told the number of key pairs to make before the first, then after each (from any thread); null for none.</param>
    /// <param name="cancellationToken">Cancels reading and writing.</param>
    /// <returns>What genpwd did.</returns>
    /// <exception cref="PasswordsException">Unreadable or malformed file, or it cannot be written.</exception>
    public static async Task<GenPwdResult> RunAsync(
        string path,
        bool createIfMissing,
        PasswordGenerator? generator,
        IProgress<GenPwdProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        generator ??= new PasswordGenerator();
        var warnings = new List<string>();
        PasswordStore store;
        var created = false;
        string? before = null;
        var target = PasswordFile.ResolveTarget(path);
        PasswordFile.CheckWritable(path, target);
        if (!File.Exists(target))
        {
            if (!createIfMissing)
            {
                throw new PasswordsException(path, 0, "passwords file is missing");
            }

            store = PasswordStore.FromKeys(PasswordCatalog.BuiltInKeys);
            created = true;
        }
        else
        {
            warnings.AddRange(PasswordFile.PermissionWarnings(path));
            before = await PasswordFile.ReadTextAsync(path, cancellationToken).ConfigureAwait(false);
            store = PasswordStore.Parse(before, path);
            CheckTags(before, path);
            warnings.AddRange(store.Warnings);
        }

        var filledStore = Fill(store, generator, progress, out var filled);
        var text = filledStore.ToYaml();
        var written = !string.Equals(text, before, StringComparison.Ordinal);
        if (written)
        {
            await PasswordFile.WriteAtomicAsync(path, text, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            PasswordFile.RestrictMode(target);
        }

        return new GenPwdResult(filledStore, filled, created, written, warnings);
    }

    // What the writer can reproduce: the core schema's tags. A value tagged otherwise (!!binary, !unsafe, a tag of
    // one's own) would be written back as plain text, a different value for Ansible, which reads the file too.
    private static readonly HashSet<string?> WritableTags =
        [null, YamlTags.NonSpecific, YamlTags.Str, YamlTags.Null, YamlTags.Bool, YamlTags.Int, YamlTags.Float, YamlTags.Seq, YamlTags.Map];

    private static void CheckTags(string text, string path)
    {
        if (YamlLoader.Compose(text) is not YMapping root)
        {
            return;
        }

        var visited = new HashSet<YNode>(ReferenceEqualityComparer.Instance);
        foreach (var (key, value) in root.Entries)
        {
            if (ForeignTag(value, visited) is { } node)
            {
                var tag = node.Tag!.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + node.Tag["tag:yaml.org,2002:".Length..] : node.Tag;
                var name = key is YScalar scalar ? scalar.Value : "?";
                throw new PasswordsException(path, node.Line, $"the value of '{name}' is tagged '{tag}', which genpwd cannot write back unchanged; the file is left as it is");
            }
        }
    }

    private static YNode? ForeignTag(YNode node, HashSet<YNode> visited)
    {
        if (!visited.Add(node))
        {
            return null;
        }

        if (!WritableTags.Contains(node.Tag))
        {
            return node;
        }

        IEnumerable<YNode> children = node switch
        {
            YSequence sequence => sequence.Items,
            YMapping mapping => mapping.Entries.SelectMany(e => new[] { e.Key, e.Value }),
            _ => [],
        };
        return children.Select(child => ForeignTag(child, visited)).FirstOrDefault(found => found is not null);
    }

    private static bool NeedsValue(string key, PasswordKind kind, object? value, PasswordStore store)
    {
        if (value is null or "")
        {
            return true;
        }

        if (kind != PasswordKind.SshKeyPair)
        {
            return false;
        }

        if (value is not IReadOnlyDictionary<string, object?> pair)
        {
            throw new PasswordsException(store.SourceFile ?? "passwords.yml", store.LineOf(key), $"'{key}' must be empty or a mapping with private_key and public_key");
        }

        return pair.GetValueOrDefault("private_key") is null or "" && pair.GetValueOrDefault("public_key") is null or "";
    }
}
