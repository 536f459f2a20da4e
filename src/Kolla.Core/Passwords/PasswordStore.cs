using System.Collections;
using System.Collections.ObjectModel;
using Kolla.Compat;

namespace Kolla.Passwords;

/// <summary>
/// The contents of a <c>passwords.yml</c>: key to value (a string, an SSH key mapping, empty, or anything else an
/// operator put there). Immutable; changes return a new store.
/// </summary>
/// <remarks>Serialised exactly like kolla-genpwd writes it (PyYAML <c>safe_dump</c>: keys sorted, <c>null</c> for empty).</remarks>
public sealed class PasswordStore
{
    private readonly OrderedDictionary<string, object?> _values;
    private readonly Dictionary<string, int> _lines;

    private PasswordStore(string? sourceFile, OrderedDictionary<string, object?> values, Dictionary<string, int> lines, IReadOnlyList<string> warnings)
    {
        SourceFile = sourceFile;
        _values = values;
        _lines = lines;
        Warnings = warnings;
        Values = new ReadOnlyDictionary<string, object?>(_values);
    }

    /// <summary>The file the store was read from, if any.</summary>
    public string? SourceFile { get; }

    /// <summary>Every key and its raw value, in file order.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>Non-fatal findings (duplicate keys), each <c>FILE:LINE: message</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Every secret value in the store (passwords, private keys), for masking output and logs.</summary>
    public IReadOnlySet<string> SecretValues
    {
        get
        {
            var secrets = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in _values)
            {
                Collect(value, isPublicKey: false, secrets);
            }

            return secrets;
        }
    }

    /// <summary>A store with the given keys, all empty.</summary>
    public static PasswordStore FromKeys(IEnumerable<string> keys)
    {
        var values = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            values[key] = null;
        }

        return new PasswordStore(null, values, [], []);
    }

    /// <summary>A store built from values (for example the result of a merge).</summary>
    public static PasswordStore FromValues(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return new PasswordStore(null, map, [], []);
    }

    /// <summary>Reads a passwords file (strict UTF-8).</summary>
    /// <exception cref="PasswordsException">Missing or unreadable file, bytes that are not UTF-8, YAML error, or not a mapping.</exception>
    public static async Task<PasswordStore> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = await InputFile.ReadAllBytesAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            throw new PasswordsException(path, 0, "passwords file is missing");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PasswordsException(path, 0, $"cannot read the file: {ex.Message}");
        }

        return Parse(PasswordFile.Decode(path, bytes), path);
    }

    /// <summary>Reads passwords from YAML text.</summary>
    /// <exception cref="PasswordsException">YAML error, or the document is not a mapping.</exception>
    public static PasswordStore Parse(string yaml, string fileName = "passwords.yml")
    {
        YamlDocument document;
        try
        {
            document = YamlLoader.Read(yaml, AnsibleYamlProfile.Vars);
        }
        catch (YamlLoadException ex)
        {
            throw new PasswordsException(fileName, ex.Line, $"invalid YAML: {ex.Message}");
        }

        if (document.Root is not OrderedDictionary<string, object?> map)
        {
            throw new PasswordsException(fileName, 1, "passwords file is not a mapping of keys to values");
        }

        var lines = document.Keys.ToDictionary(k => k.Key, k => k.Value.Line, StringComparer.Ordinal);
        var warnings = document.Warnings.Select(w => $"{fileName}:{w.Line}: {w.Message}").ToList();
        return new PasswordStore(fileName, map, lines, warnings);
    }

    /// <summary>The line a key was read from (0 when not from a file).</summary>
    public int LineOf(string key) => _lines.TryGetValue(key, out var line) ? line : 0;

    /// <summary>A password as a <see cref="Secret"/>, when the key holds non-empty text.</summary>
    public bool TryGetSecret(string key, out Secret secret)
    {
        if (_values.TryGetValue(key, out var value) && value is string { Length: > 0 } text)
        {
            secret = new Secret(text);
            return true;
        }

        secret = null!;
        return false;
    }

    /// <summary>An SSH key pair, when the key holds both halves.</summary>
    public SshKeyPair? GetSshKey(string key) =>
        _values.TryGetValue(key, out var value) && value is IReadOnlyDictionary<string, object?> pair
        && pair.GetValueOrDefault("private_key") is string { Length: > 0 } privateKey
        && pair.GetValueOrDefault("public_key") is string { Length: > 0 } publicKey
            ? new SshKeyPair(new Secret(privateKey), publicKey)
            : null;

    /// <summary>A copy with one key set.</summary>
    public PasswordStore With(string key, object? value)
    {
        var values = new OrderedDictionary<string, object?>(_values, StringComparer.Ordinal)
        {
            [key] = value,
        };
        return new PasswordStore(SourceFile, values, _lines, Warnings);
    }

    /// <summary>The passwords as template variables (SSH keys as <c>{private_key, public_key}</c> mappings).</summary>
    public IReadOnlyDictionary<string, object?> ToVariables() => Values;

    /// <summary>The file text, as kolla-genpwd writes it.</summary>
    public string ToYaml() => PyYamlWriter.Write(Values);

    private static void Collect(object? value, bool isPublicKey, HashSet<string> secrets)
    {
        switch (value)
        {
            case string { Length: > 0 } text when !isPublicKey:
                secrets.Add(text);
                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (key, inner) in map)
                {
                    Collect(inner, key == "public_key", secrets);
                }

                break;
            case IList list:
                foreach (var item in list)
                {
                    Collect(item, isPublicKey, secrets);
                }

                break;
        }
    }
}
