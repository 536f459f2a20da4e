namespace Kolla.Configuration;

/// <summary>
/// A source of a config merge (INI or YAML) could not be read or parsed, or two sources could not be merged.
/// Nothing was written.
/// </summary>
/// <remarks>
/// kolla-ansible's <c>merge_configs</c> and <c>merge_yaml</c> fail the task in these cases; the message here names
/// the file and the line within that file (kolla counts lines across all sources, which is harder to act on).
/// </remarks>
public sealed class ConfigMergeException : KollaException
{
    /// <summary>Creates the exception for a problem in <paramref name="source"/>.</summary>
    /// <param name="source">The source file (or name) the problem is in.</param>
    /// <param name="line">The 1-based line within <paramref name="source"/>, or null when the problem is not tied to a line.</param>
    /// <param name="reason">What is wrong, without the file and line.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ConfigMergeException(string source, int? line, string reason, Exception? innerException = null)
        : base(Locate(source, line, reason), innerException)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(reason);
        Source = source;
        Line = line;
        Reason = reason;
    }

    /// <summary>The source file (or name) the problem is in.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line within <see cref="Source"/>, or null when the problem concerns the whole file.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the file and line prefix.</summary>
    public string Reason { get; }
}
