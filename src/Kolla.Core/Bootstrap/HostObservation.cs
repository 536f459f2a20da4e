namespace Kolla.Bootstrap;

/// <summary>What the host preparation depends on, as read from one host (<see cref="HostProbe"/>), before any change.</summary>
internal sealed record HostObservation
{
    /// <summary>A host that has nothing yet: a fresh Debian system as far as the preparation is concerned (what a dry run assumes).</summary>
    public static HostObservation Fresh { get; } = new() { OsId = "debian" };

    /// <summary><c>ID</c> of <c>/etc/os-release</c>.</summary>
    public string OsId { get; init; } = "";

    /// <summary><c>ID_LIKE</c> of <c>/etc/os-release</c>.</summary>
    public string OsIdLike { get; init; } = "";

    /// <summary>Whether the host is a Debian-family system (the only family this preparation knows).</summary>
    public bool IsDebianFamily => OsId == "debian" || OsId == "ubuntu" || OsIdLike.Split(' ').Contains("debian");

    /// <summary>Packages in the state <c>install ok installed</c>.</summary>
    public IReadOnlySet<string> InstalledPackages { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether systemd runs the host (<c>/run/systemd/system</c> exists), so services can be enabled and started.</summary>
    public bool SystemdRunning { get; init; }

    /// <summary>What <c>/etc/systemd/system/docker.service</c> is: null when absent, the link target for a symbolic link (<c>/dev/null</c>: masked), "" for a file.</summary>
    public string? DockerUnitOverride { get; init; }

    /// <summary><c>systemctl is-enabled docker</c>, when systemd runs.</summary>
    public string DockerEnabled { get; init; } = "";

    /// <summary><c>systemctl is-active docker</c>, when systemd runs.</summary>
    public string DockerActive { get; init; } = "";

    /// <summary>ufw's <c>Status:</c> (<c>active</c>/<c>inactive</c>), or null when ufw is not installed.</summary>
    public string? UfwStatus { get; init; }

    /// <summary>ufw's default incoming policy (<c>deny</c>, <c>allow</c>, <c>reject</c>), or null when unknown.</summary>
    public string? UfwIncomingPolicy { get; init; }

    /// <summary>Groups that exist, by name.</summary>
    public IReadOnlySet<string> Groups { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The kolla user, or null when it does not exist.</summary>
    public UnixUser? User { get; init; }

    /// <summary>Directories and files that exist, by path.</summary>
    public IReadOnlyDictionary<string, PathState> Paths { get; init; } = new Dictionary<string, PathState>(StringComparer.Ordinal);

    /// <summary>Contents of the files the preparation writes, by path (absent: the file does not exist).</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; init; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);
}

/// <summary>A user account as <c>getent passwd</c> and <c>id -Gn</c> show it.</summary>
/// <param name="PrimaryGroup">Name of the primary group.</param>
/// <param name="Home">Home directory.</param>
/// <param name="Groups">Every group it is in, the primary group included.</param>
internal sealed record UnixUser(string PrimaryGroup, string Home, IReadOnlySet<string> Groups);

/// <summary>A path's type and ownership as <c>stat</c> shows it.</summary>
/// <param name="IsDirectory">Whether it is a directory.</param>
/// <param name="Mode">Permission bits.</param>
/// <param name="Owner">Owning user name.</param>
/// <param name="Group">Owning group name.</param>
internal sealed record PathState(bool IsDirectory, int Mode, string Owner, string Group);
