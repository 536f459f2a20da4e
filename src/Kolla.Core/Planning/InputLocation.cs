namespace Kolla.Planning;

/// <summary>Where the operator wrote a value: a file named as the operator knows it and a 1-based line.</summary>
/// <param name="File">The file: <c>globals.yml</c>, <c>globals.d/NAME.yml</c> (relative to the config directory), or a path.</param>
/// <param name="Line">The 1-based line, or 0 when unknown.</param>
public sealed record InputLocation(string File, int Line)
{
    /// <summary>Formats as <c>FILE:LINE</c>, or <c>FILE</c> when the line is unknown.</summary>
    /// <returns>The location text.</returns>
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
