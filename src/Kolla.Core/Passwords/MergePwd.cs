namespace Kolla.Passwords;

/// <summary>
/// kolla-mergepwd: carries the values of an old passwords file into a new one (for an upgrade), then genpwd
/// fills whatever the new release added.
/// </summary>
public static class MergePwd
{
    /// <summary>Merges two stores.</summary>
    /// <param name="old">The passwords in use.</param>
    /// <param name="new">The new release's passwords file (usually all empty).</param>
    /// <param name="clean">Keep only the new file's keys (with old values where present); otherwise keys the new file dropped survive too.</param>
    /// <returns>The merged store: old values always win.</returns>
    public static PasswordStore Merge(PasswordStore old, PasswordStore @new, bool clean = false)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in @new.Values)
        {
            result[key] = value;
        }

        // Redis was replaced by Valkey: the old Redis password seeds the new Valkey one.
        if (result.ContainsKey("valkey_master_password")
            && old.Values.TryGetValue("redis_master_password", out var redis)
            && !old.Values.ContainsKey("valkey_master_password")
            && IsTruthy(redis))
        {
            result["valkey_master_password"] = redis;
        }

        foreach (var (key, value) in old.Values)
        {
            if (!clean || result.ContainsKey(key))
            {
                result[key] = value;
            }
        }

        return PasswordStore.FromValues(result);
    }

    /// <summary>Runs mergepwd on files.</summary>
    /// <param name="oldPath">The passwords in use.</param>
    /// <param name="newPath">The new release's passwords file.</param>
    /// <param name="finalPath">Where to write the result (atomically, mode 0600); null to only return it.</param>
    /// <param name="clean">See <see cref="Merge"/>.</param>
    /// <param name="cancellationToken">Cancels the I/O.</param>
    /// <returns>The merged store and the warnings to show.</returns>
    /// <exception cref="PasswordsException">A file is missing, unreadable or malformed, or the result cannot be written.</exception>
    public static async Task<(PasswordStore Merged, IReadOnlyList<string> Warnings)> RunAsync(
        string oldPath,
        string newPath,
        string? finalPath,
        bool clean = false,
        CancellationToken cancellationToken = default)
    {
        var warnings = new List<string>();
        var stores = new List<PasswordStore>();
        foreach (var path in new[] { oldPath, newPath })
        {
            warnings.AddRange(PasswordFile.PermissionWarnings(path));
            var store = await PasswordStore.LoadAsync(path, cancellationToken).ConfigureAwait(false);
            warnings.AddRange(store.Warnings);
            stores.Add(store);
        }

        var merged = Merge(stores[0], stores[1], clean);
        if (finalPath is not null)
        {
            await PasswordFile.WriteAtomicAsync(finalPath, merged.ToYaml(), cancellationToken).ConfigureAwait(false);
        }

        return (merged, warnings);
    }

    private static bool IsTruthy(object? value) => value switch
    {
        null => false,
        string s => s.Length > 0,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };
}
