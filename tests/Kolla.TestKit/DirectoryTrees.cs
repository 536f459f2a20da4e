namespace Kolla.TestKit;

/// <summary>Whole directory trees for tests: inputs copied into a test's own directory.</summary>
public static class DirectoryTrees
{
    /// <summary>Copies every file below <paramref name="from"/> to the same relative path below <paramref name="to"/>.</summary>
    /// <param name="from">The source directory.</param>
    /// <param name="to">The target directory (created as needed).</param>
    /// <param name="overwrite">Replace files that exist; otherwise an existing file is an error.</param>
    public static void Copy(string from, string to, bool overwrite = false)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite);
        }
    }
}
