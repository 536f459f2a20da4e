namespace Kolla.Planning;

/// <summary>
/// A snapshot of the operator's override tree (<c>node_custom_config</c>, default <c>/etc/kolla/config</c>) read once
/// from the deploy host, so planning many hosts does no per-host file I/O.
/// </summary>
public sealed class OverrideTree
{
    private readonly Dictionary<string, string> _files;

    private OverrideTree(string root, Dictionary<string, string> files)
    {
        Root = root;
        _files = files;
    }

    /// <summary>No overrides at all.</summary>
    public static OverrideTree Empty { get; } = new("", new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The directory the snapshot was read from.</summary>
    public string Root { get; }

    /// <summary>Relative paths of every file in the tree.</summary>
    public IEnumerable<string> Files => _files.Keys;

    /// <summary>Creates a tree from relative path → text (tests, embedding callers).</summary>
    public static OverrideTree FromFiles(string root, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new OverrideTree(root, files.ToDictionary(f => Normalise(f.Key), f => f.Value, StringComparer.Ordinal));
    }

    /// <summary>Reads every regular file below <paramref name="root"/>; a missing directory gives an empty tree.</summary>
    public static async Task<OverrideTree> LoadAsync(string root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var path in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
            {
                byte[] bytes;
                try
                {
                    bytes = await InputFile.ReadAllBytesAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (InputTooLargeException e)
                {
                    throw new Configuration.ConfigMergeException(path, null, e.Message);
                }

                files[Normalise(Path.GetRelativePath(root, path))] = Configuration.ConfigSource.Decode(path, bytes);
            }
        }

        return new OverrideTree(root, files);
    }

    /// <summary>The text of an override file, or null when it does not exist.</summary>
    public string? Read(string relativePath) => _files.GetValueOrDefault(Normalise(relativePath));

    /// <summary>The path to show in messages and use as a source name.</summary>
    public string FullPath(string relativePath) => Root.Length == 0 ? Normalise(relativePath) : Path.Combine(Root, Normalise(relativePath));

    private static string Normalise(string path) => path.Replace('\\', '/').TrimStart('/');
}
