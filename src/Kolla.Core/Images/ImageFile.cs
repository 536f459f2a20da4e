namespace Kolla.Images;

/// <summary>One file of an image's build context.</summary>
/// <param name="Path">Path relative to the image folder, with <c>/</c> separators.</param>
/// <param name="Content">The bytes.</param>
/// <param name="Mode">Unix permission bits (0644, or 0755 for executables).</param>
public sealed record ImageFile(string Path, ReadOnlyMemory<byte> Content, int Mode = 420);
