namespace Kolla.Cli.Commands;

/// <summary>Path handling shared by commands.</summary>
internal static class CliPaths
{
    /// <summary>Expands a leading <c>~</c> to the home directory, as kolla's tools do.</summary>
    public static string ExpandHome(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            return Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..];
        }

        return path;
    }
}
