namespace Kolla.Planning;

/// <summary>
/// A snapshot of the operator's override tree (<c>node_custom_config</c>, default <c>/etc/kolla/config</c>) read once
/// from the deploy host, so planning many hosts does no per-host file I/O.
/// </summary>
public sealed class OverrideTree
{
    private readonly Dictionary<string, string> _files;
    private readonly HashSet<string> _directories;

    private OverrideTree(string root, Dictionary<string, string> files, HashSet<string>? directories = null)
    {
        Root = root;
        _files = files;
        _directories = directories ?? new HashSet<string>(StringComparer.Ordinal);
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
    /// <remarks>The directories below the root are remembered, so <see cref="Read"/> can refuse one where a file is looked up.</remarks>
    public static async Task<OverrideTree> LoadAsync(string root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var directories = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            foreach (var path in Directory.EnumerateDirectories(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
            {
                directories.Add(Normalise(Path.GetRelativePath(root, path)));
            }

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

        return new OverrideTree(root, files, directories);
    }

    /// <summary>The text of an override file, or null when it does not exist.</summary>
    /// <exception cref="Configuration.ConfigMergeException">The path is a directory (kolla-ansible fails on it too; ignoring it would drop the override).</exception>
    public string? Read(string relativePath)
    {
        var relative = Normalise(relativePath);
        if (_directories.Contains(relative.TrimEnd('/')))
        {
            throw new Configuration.ConfigMergeException(FullPath(relative), null, "is a directory where an override file is expected");
        }

        return _files.GetValueOrDefault(relative);
    }

    /// <summary>The path to show in messages and use as a source name.</summary>
    public string FullPath(string relativePath) => Root.Length == 0 ? Normalise(relativePath) : Path.Combine(Root, Normalise(relativePath));

    private static string Normalise(string path) => path.Replace('\\', '/').TrimStart('/');
}
