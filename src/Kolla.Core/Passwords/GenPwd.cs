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
    public static PasswordStore Fill(PasswordStore store, PasswordGenerator generator, out IReadOnlyList<string> filledKeys)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(generator);
        var filled = new List<string>();
        var result = store;
        foreach (var (key, value) in store.Values)
        {
            var kind = PasswordCatalog.KindOf(key);
            if (kind == PasswordKind.AlwaysBlank || !NeedsValue(key, kind, value, store))
            {
                continue;
            }

            result = result.With(key, generator.Generate(kind));
            filled.Add(key);
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
    /// <exception cref="PasswordsException">Unreadable or malformed file, or it cannot be written.</exception>
    public static async Task<GenPwdResult> RunAsync(
        string path,
        bool createIfMissing = true,
        PasswordGenerator? generator = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        generator ??= new PasswordGenerator();
        var warnings = new List<string>();
        PasswordStore store;
        var created = false;
        string? before = null;
        if (!File.Exists(path))
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
            warnings.AddRange(store.Warnings);
        }

        var filledStore = Fill(store, generator, out var filled);
        var text = filledStore.ToYaml();
        var written = !string.Equals(text, before, StringComparison.Ordinal);
        if (written)
        {
            await PasswordFile.WriteAtomicAsync(path, text, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            PasswordFile.RestrictMode(path);
        }

        return new GenPwdResult(filledStore, filled, created, written, warnings);
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
