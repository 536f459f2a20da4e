using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Kolla.Compat;

namespace Kolla.Facts;

/// <summary>
/// Ansible's <c>jsonfile</c> fact cache (<c>ANSIBLE_CACHE_PLUGIN=jsonfile</c>,
/// <c>ANSIBLE_CACHE_PLUGIN_CONNECTION=DIR</c>): one JSON file per host, named after the inventory host, holding the
/// facts with their <c>ansible_</c> prefix. Files Ansible wrote are read as they are; files written here are what
/// Ansible writes (sorted keys, four-space indentation, ASCII-only escapes, mode 0600, no trailing newline).
/// </summary>
/// <remarks>
/// Ansible's cache also holds a few keys without the prefix (<c>module_setup</c>, <c>gather_subset</c>,
/// <c>discovered_interpreter_python</c>, facts set with <c>cacheable</c>); they keep their names in
/// <see cref="HostFacts.Values"/> and are written back without a prefix when they are among Ansible's own.
/// Ansible's cache timeout (a day by default) is not applied: a file is read however old it is.
/// </remarks>
internal sealed class FactCache
{
    private const string Prefix = "ansible_";

    // ansible-core 2.19 stores each host as "s<schema id>_<host>", its facts JSON-encoded under "__payload__".
    private const string SchemaPrefix = "s1_";

    // Keys Ansible stores without the prefix (and "ansible_local", which keeps its prefix inside ansible_facts too).
    private static readonly FrozenSet<string> Unprefixed =
        FrozenSet.Create(StringComparer.Ordinal, "module_setup", "gather_subset", "discovered_interpreter_python", "_ansible_facts_gathered");

    /// <summary>Creates a cache over <paramref name="directory"/> (created on the first save).</summary>
    /// <param name="directory">The cache directory, Ansible's <c>fact_caching_connection</c>.</param>
    public FactCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    /// <summary>Gets the cache directory.</summary>
    public string Directory { get; }

    /// <summary>Reads the cached facts of <paramref name="host"/>.</summary>
    /// <param name="host">The inventory host name (the file name).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The facts, or null when the host has no file.</returns>
    /// <exception cref="FactsException">The file is not a JSON object; the message names the file.</exception>
    public async Task<HostFacts?> TryLoadAsync(string host, CancellationToken cancellationToken = default)
    {
        var path = PathFor(host);
        var versioned = Path.Combine(Directory, SchemaPrefix + host);
        if (File.Exists(versioned) && (!File.Exists(path) || File.GetLastWriteTimeUtc(versioned) >= File.GetLastWriteTimeUtc(path)))
        {
            // ansible-core 2.19 names its entries with a schema prefix and wraps the facts in "__payload__".
            path = versioned;
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FactsException($"{path}: cannot read the fact cache file: {e.Message}", e);
        }

        object? root;
        try
        {
            root = FactsJson.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw FactsException.InFile(path, e.LineNumber is { } line ? (int)line + 1 : null, $"not a valid fact cache file: {Reason(e)}", e);
        }

        if (root is OrderedDictionary<string, object?> wrapper && wrapper.Count == 1 && wrapper.TryGetValue("__payload__", out var payload) && payload is string inner)
        {
            try
            {
                root = FactsJson.Parse(System.Text.Encoding.UTF8.GetBytes(inner));
            }
            catch (JsonException e)
            {
                throw FactsException.InFile(path, null, $"not a valid fact cache file: its __payload__ is not JSON: {Reason(e)}", e);
            }
        }

        if (root is not OrderedDictionary<string, object?> cached)
        {
            throw FactsException.InFile(path, null, "not a valid fact cache file: the JSON value is not an object");
        }

        var values = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in cached)
        {
            values[key.StartsWith(Prefix, StringComparison.Ordinal) && key != "ansible_local" ? key[Prefix.Length..] : key] = value;
        }

        return new HostFacts(host, values);
    }

    /// <summary>
    /// Writes <paramref name="facts"/> to the file of its host, atomically (a hidden temporary file in the same
    /// directory, then a rename), creating the directory when needed.
    /// </summary>
    /// <param name="facts">The facts; <see cref="HostFacts.Host"/> names the file.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task SaveAsync(HostFacts facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var path = PathFor(facts.Host);
        var cached = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in facts.Values)
        {
            cached[Unprefixed.Contains(key) || key.StartsWith(Prefix, StringComparison.Ordinal) ? key : Prefix + key] = value;
        }

        var text = JsonDumps.Write(cached, JsonDumpsOptions.SortedIndented);
        if (UsesSchemaPrefix())
        {
            // A cache ansible-core 2.19 writes: the same layout, so Ansible reads what we gathered.
            path = Path.Combine(Directory, SchemaPrefix + facts.Host);
            text = JsonDumps.Write(
                new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["__payload__"] = JsonDumps.Write(cached, JsonDumpsOptions.Python) },
                JsonDumpsOptions.SortedIndented);
        }

        System.IO.Directory.CreateDirectory(Directory);
        var temporary = Path.Combine(Directory, $".{facts.Host}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            var stream = new FileStream(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Whether the cache is ansible-core 2.19's: its files carry the schema prefix <c>s1_</c>.</summary>
    private bool UsesSchemaPrefix() =>
        System.IO.Directory.Exists(Directory) && System.IO.Directory.EnumerateFiles(Directory, SchemaPrefix + "*").Any();

    private string PathFor(string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        if (host is "." or ".." || host.Contains('/', StringComparison.Ordinal) || host.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{host}' cannot name a fact cache file.", nameof(host));
        }

        return Path.Combine(Directory, host);
    }

    private static string Reason(JsonException e)
    {
        // System.Text.Json appends " LineNumber: n | BytePositionInLine: m."; the location is in the message prefix already.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
