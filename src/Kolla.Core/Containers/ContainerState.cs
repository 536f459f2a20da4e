namespace Kolla.Containers;

/// <summary>What a runtime observed about one existing container (one batched read per host).</summary>
/// <remarks>Only the fields kolla_container compares, plus identity and Kolla's labels.</remarks>
public sealed record ContainerState
{
    /// <summary>Container name without the leading slash.</summary>
    public required string Name { get; init; }

    /// <summary>Full container id.</summary>
    public required string Id { get; init; }

    /// <summary>Image reference the container was created from (<c>Config.Image</c>).</summary>
    public required string Image { get; init; }

    /// <summary>Image id the container runs (<c>Image</c>).</summary>
    public string ImageId { get; init; } = "";

    /// <summary>Engine status: <c>running</c>, <c>exited</c>, <c>created</c>, <c>paused</c>, ...</summary>
    public required string Status { get; init; }

    /// <summary>When it last started (<c>State.StartedAt</c>, verbatim).</summary>
    public string StartedAt { get; init; } = "";

    /// <summary>Health status (<c>healthy</c>, <c>unhealthy</c>, <c>starting</c>) or null without a health check.</summary>
    public string? Health { get; init; }

    /// <summary>Output of the latest health check (<c>State.Health.Log</c>, last entry), or null when none ran yet.</summary>
    public string? HealthLog { get; init; }

    /// <summary>Exit code of the container's last run (<c>State.ExitCode</c>); 0 while it never exited.</summary>
    public long ExitCode { get; init; }

    /// <summary>Times the engine restarted it under its restart policy since it was last started (<c>RestartCount</c>).</summary>
    public long RestartCount { get; init; }

    /// <summary>Labels on the container.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary><c>Config.Env</c> entries, <c>KEY=value</c>.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary><c>HostConfig.Binds</c>.</summary>
    public IReadOnlyList<string> Binds { get; init; } = [];

    /// <summary>Keys of <c>Config.Volumes</c> (mount destinations).</summary>
    public IReadOnlyList<string> VolumeDestinations { get; init; } = [];

    /// <summary><c>HostConfig.VolumesFrom</c>.</summary>
    public IReadOnlyList<string> VolumesFrom { get; init; } = [];

    /// <summary>Keys of <c>HostConfig.Tmpfs</c>.</summary>
    public IReadOnlyList<string> Tmpfs { get; init; } = [];

    /// <summary><c>HostConfig.Privileged</c>.</summary>
    public bool Privileged { get; init; }

    /// <summary><c>HostConfig.PidMode</c> ('' when private).</summary>
    public string PidMode { get; init; } = "";

    /// <summary><c>HostConfig.IpcMode</c>.</summary>
    public string IpcMode { get; init; } = "";

    /// <summary><c>HostConfig.CgroupnsMode</c>.</summary>
    public string CgroupnsMode { get; init; } = "";

    /// <summary><c>HostConfig.CapAdd</c>.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary><c>HostConfig.SecurityOpt</c>.</summary>
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    /// <summary>Resource limits as observed.</summary>
    public ContainerDimensions Dimensions { get; init; } = ContainerDimensions.None;

    /// <summary><c>Config.Healthcheck</c>, or null.</summary>
    public ContainerHealthcheck? Healthcheck { get; init; }

    /// <summary><c>Path</c> followed by <c>Args</c>.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
}
