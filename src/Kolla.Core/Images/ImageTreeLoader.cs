using System.Reflection;

namespace Kolla.Images;

/// <summary>
/// Reads an image tree: every folder holding a <c>Dockerfile.j2</c> is an image named after the folder; the
/// other files below it (except in sub-folders that are images themselves) form its build context.
/// A <c>profiles.yml</c> at the top maps profile names to image name patterns.
/// </summary>
public static class ImageTreeLoader
{
    /// <summary>The Dockerfile template's file name.</summary>
    public const string DockerfileTemplate = "Dockerfile.j2";

    /// <summary>The optional profile map at the top of a tree.</summary>
    public const string ProfilesFile = "profiles.yml";

    private const string ResourcePrefix = "Kolla.Images/";

    /// <summary>Reads a tree from a directory (<c>--docker-dir</c>).</summary>
    /// <exception cref="ImageBuildException">The directory is missing, holds no image or two images share a name.</exception>
    public static async Task<ImageTree> LoadDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new ImageBuildException(directory, 0, "the image tree directory does not exist");
        }

        var root = Path.GetFullPath(directory);
        var files = new List<ImageFile>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var mode = OperatingSystem.IsWindows() ? 420 : (int)File.GetUnixFileMode(path);
            files.Add(new ImageFile(relative, bytes, mode));
        }

        return Build(root, files, name => Path.Combine(root, name));
    }

    /// <summary>Reads the default tree embedded in Kolla.Core (<c>src/Kolla.Core/Images/Tree</c>).</summary>
    public static ImageTree LoadEmbedded() => LoadEmbedded(typeof(ImageTreeLoader).Assembly);

    /// <summary>Reads a tree embedded in an assembly under resource names <c>Kolla.Images/&lt;path&gt;</c>.</summary>
    public static ImageTree LoadEmbedded(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var files = new List<ImageFile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var script = bytes.Length > 1 && bytes[0] == '#' && bytes[1] == '!';
            files.Add(new ImageFile(name[ResourcePrefix.Length..].Replace('\\', '/'), bytes, script ? 493 : 420));
        }

        return Build("embedded image tree", files, name => "embedded:" + name);
    }

    /// <summary>Builds a tree from a flat list of files with paths relative to the tree's top.</summary>
    /// <param name="source">What the tree is (for messages).</param>
    /// <param name="files">Every file of the tree.</param>
    /// <param name="describe">Turns a relative path into the name messages use.</param>
    public static ImageTree Build(string source, IReadOnlyList<ImageFile> files, Func<string, string> describe)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(describe);
        var imageDirs = files
            .Where(f => f.Path == DockerfileTemplate || f.Path.EndsWith("/" + DockerfileTemplate, StringComparison.Ordinal))
            .Select(f => f.Path[..Math.Max(0, f.Path.Length - DockerfileTemplate.Length - 1)])
            .Where(d => d.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        var byDir = new Dictionary<string, (string Template, List<ImageFile> Files)>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in imageDirs.Order(StringComparer.Ordinal))
        {
            var name = dir[(dir.LastIndexOf('/') + 1)..];
            if (names.TryGetValue(name, out var other))
            {
                throw new ImageBuildException(describe(dir + "/" + DockerfileTemplate), 0, $"image '{name}' is also defined in '{other}'");
            }

            names[name] = dir;
            byDir[dir] = (string.Empty, []);
        }

        IReadOnlyDictionary<string, IReadOnlyList<string>> profiles = ImageProfiles.BuiltIn;
        foreach (var file in files)
        {
            if (file.Path == ProfilesFile)
            {
                profiles = ReadProfiles(file, describe(file.Path));
                continue;
            }

            var dir = OwningImage(file.Path, imageDirs);
            if (dir is null)
            {
                continue;
            }

            var relative = file.Path[(dir.Length + 1)..];
            var entry = byDir[dir];
            if (relative == DockerfileTemplate)
            {
                byDir[dir] = (System.Text.Encoding.UTF8.GetString(file.Content.Span), entry.Files);
            }
            else
            {
                entry.Files.Add(file with { Path = relative });
            }
        }

        var images = names.ToDictionary(
            n => n.Key,
            n => new ImageDefinition(n.Key, describe(n.Value + "/" + DockerfileTemplate), byDir[n.Value].Template, byDir[n.Value].Files),
            StringComparer.Ordinal);
        return new ImageTree(source, images, profiles);
    }

    private static string? OwningImage(string path, HashSet<string> imageDirs)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (imageDirs.Contains(path[..slash]))
            {
                return path[..slash];
            }
        }

        return null;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadProfiles(ImageFile file, string name)
    {
        var (mapping, keys) = ImageYaml.ReadMapping(
            System.Text.Encoding.UTF8.GetString(file.Content.Span), name, "profiles must map a name to a list of image patterns");
        var profiles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (profile, value) in mapping)
        {
            profiles[profile] = value switch
            {
                null => [],
                IList<object?> patterns when patterns.All(p => p is string or long or double or bool) =>
                    [.. patterns.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)!)],
                _ => throw new ImageBuildException(name, keys.TryGetValue(profile, out var at) ? at.ValueLine : 1,
                    $"profile '{profile}' must be a list of image patterns"),
            };
        }

        return profiles;
    }
}
