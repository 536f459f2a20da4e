namespace Kolla.Ssh;

/// <summary>Expands a leading <c>~/</c> to the current user's home directory, as ssh does for its file options.</summary>
internal static class HomePath
{
    public static string Expand(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Join(home, path.Length > 2 ? path[2..] : string.Empty);
        }

        return path;
    }
}
