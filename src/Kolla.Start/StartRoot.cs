namespace Kolla.Start;

/// <summary>
/// The container's file system as seen by the start program: container paths (always absolute, <c>/</c>-separated)
/// map to host paths below <see cref="HostDirectory"/>. In a container the root is <c>/</c>; tests use a temp folder.
/// </summary>
internal sealed record StartRoot(string HostDirectory)
{
    /// <summary>Gets the real file-system root.</summary>
    public static StartRoot System { get; } = new("/");

    /// <summary>Gets whether this is the real root (no prefix).</summary>
    public bool IsSystem => HostDirectory == "/";

    /// <summary>Maps a container path to the host path.</summary>
    public string Host(string containerPath)
    {
        var absolute = containerPath.StartsWith('/') ? containerPath : "/" + containerPath;
        return IsSystem ? absolute : HostDirectory.TrimEnd('/') + absolute;
    }
}
