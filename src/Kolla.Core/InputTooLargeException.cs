namespace Kolla;

/// <summary>An input file holds more than <see cref="KollaLimits.MaxDocumentBytes"/>; readers report it like any unreadable file.</summary>
internal sealed class InputTooLargeException(string path, long max)
    : IOException($"the file is larger than {KollaLimits.Bytes(max)} (set {KollaLimits.DocumentBytesVariable} to read larger files)")
{
    /// <summary>The file.</summary>
    public string Path { get; } = path;
}
