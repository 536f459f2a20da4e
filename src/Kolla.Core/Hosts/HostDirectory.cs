namespace Kolla.Hosts;

/// <summary>One directory to ensure as part of a <see cref="HostFileBatch"/>.</summary>
/// <param name="Path">Absolute path on the host.</param>
/// <param name="Mode">Mode and owner applied to it.</param>
public sealed record HostDirectory(string Path, HostFileMode Mode);
