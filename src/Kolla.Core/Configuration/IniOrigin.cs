namespace Kolla.Configuration;

/// <summary>Where a value came from: the source it was read from and the 1-based line of its key in that source.</summary>
/// <param name="Source">The source name (file path as given to the merge).</param>
/// <param name="Line">The 1-based line of the key within <paramref name="Source"/>.</param>
public readonly record struct IniOrigin(string Source, int Line)
{
    /// <summary><c>source:line</c>.</summary>
    public override string ToString() => $"{Source}:{Line}";
}
