namespace Kolla.Hosts;

/// <summary>File changes sent to a host together: directories first, then writes (each atomic), then deletions.</summary>
/// <remarks>A container's config files go to its host as one batch, so a transport that runs commands needs one round trip, not one per file.</remarks>
/// <param name="Directories">Directories to create if missing, with mode and owner applied.</param>
/// <param name="Writes">Files to write.</param>
/// <param name="Deletes">Files to delete if they exist.</param>
public sealed record HostFileBatch(IReadOnlyList<HostDirectory> Directories, IReadOnlyList<HostFileWrite> Writes, IReadOnlyList<string> Deletes)
{
    /// <summary>True when the batch changes nothing.</summary>
    public bool IsEmpty => Directories.Count == 0 && Writes.Count == 0 && Deletes.Count == 0;
}
