namespace Kolla.Compat;

/// <summary>A YAML document could not be read; carries the 1-based line of the problem.</summary>
/// <remarks>Internal: each reader turns it into its own <see cref="KollaException"/> naming the file.</remarks>
internal sealed class YamlLoadException : Exception
{
    public YamlLoadException(int line, string message, bool syntax = false, Exception? inner = null)
        : base(message, inner)
    {
        Line = Math.Max(line, 1);
        IsSyntaxError = syntax;
    }

    /// <summary>The 1-based line (the last line the parser reached when the problem has no position of its own).</summary>
    public int Line { get; }

    /// <summary>True when the text is not YAML at all (the parser failed); false when YAML's rules refuse a value.</summary>
    public bool IsSyntaxError { get; }
}
