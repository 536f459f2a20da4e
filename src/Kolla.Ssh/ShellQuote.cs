namespace Kolla.Ssh;

/// <summary>POSIX shell quoting for words sent to the target's shell.</summary>
internal static class ShellQuote
{
    /// <summary>Quotes <paramref name="word"/> in single quotes unless it consists of safe characters only.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(IsSafe))
        {
            return word;
        }

        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsSafe(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '/' or '.' or '_' or '-' or ':' or '@' or '=' or '+' or ',';
}
