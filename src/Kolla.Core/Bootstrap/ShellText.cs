namespace Kolla.Bootstrap;

/// <summary>POSIX shell quoting for the scripts the host preparation runs.</summary>
internal static class ShellText
{
    /// <summary>The word in single quotes (an embedded quote as <c>'\''</c>); plain words stay bare.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-._/=:,+@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
