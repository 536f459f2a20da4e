namespace Kolla.Variables.Yaml;

/// <summary>A YAML document could not be read; carries the 1-based position of the problem.</summary>
/// <remarks>Internal: each loader turns it into its own <see cref="KollaException"/> naming the file.</remarks>
internal sealed class YamlLoadException : Exception
{
    public YamlLoadException(int line, int column, string message, Exception? inner = null)
        : base(message, inner)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
