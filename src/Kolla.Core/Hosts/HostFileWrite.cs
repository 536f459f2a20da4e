namespace Kolla.Hosts;

/// <summary>One file to write as part of a <see cref="HostFileBatch"/>.</summary>
/// <param name="Path">Absolute path on the host.</param>
/// <param name="Content">Exact bytes.</param>
/// <param name="Mode">Mode and owner.</param>
public sealed record HostFileWrite(string Path, ReadOnlyMemory<byte> Content, HostFileMode Mode);
