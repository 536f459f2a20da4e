namespace Kolla.Containers;

/// <summary>
/// The desired state of one container: kolla-ansible's <c>kolla_container</c> parameter set after
/// <c>common_options</c> were merged in.
/// </summary>
/// <remarks>
/// Counterpart of the parameters kolla-ansible passes to <c>kolla_container</c> (action <c>start_container</c>).
/// Records holding lists do not compare by content: compare specs by their canonical hash (kept as a container label).
/// </remarks>
public sealed record ContainerSpec
{
    /// <summary>Container name, underscored (<c>nova_api</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Full image reference, <c>registry/namespace/name:tag</c>.</summary>
    public required string Image { get; init; }

    /// <summary>Command override, or null to use the image's (services never set one).</summary>
    public string? Command { get; init; }

    /// <summary>Environment in order; a null value is sent as the empty string (kolla images test presence).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Environment { get; init; } = [];

    /// <summary>Volumes in kolla's notation: <c>src:dst[:mode]</c>, named volumes or anonymous paths. Empty entries are dropped.</summary>
    public IReadOnlyList<string> Volumes { get; init; } = [];

    /// <summary>Containers whose volumes are shared with this one.</summary>
    public IReadOnlyList<string> VolumesFrom { get; init; } = [];

    /// <summary>tmpfs mounts (container paths).</summary>
    public IReadOnlyList<string> Tmpfs { get; init; } = [];

    /// <summary>Run privileged.</summary>
    public bool Privileged { get; init; }

    /// <summary>PID namespace mode: null (private) or <c>host</c>.</summary>
    public string? PidMode { get; init; }

    /// <summary>IPC namespace mode: null, <c>host</c>, <c>private</c> or <c>shareable</c>.</summary>
    public string? IpcMode { get; init; }

    /// <summary>cgroup namespace mode: null, <c>private</c> or <c>host</c>.</summary>
    public string? CgroupnsMode { get; init; }

    /// <summary>Capabilities to add.</summary>
    public IReadOnlyList<string> CapAdd { get; init; } = [];

    /// <summary>Security options (<c>apparmor=unconfined</c>, ...).</summary>
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];

    /// <summary>Labels the service definition asks for (Kolla's own bookkeeping labels are added by the executor).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    /// <summary>Resource limits (kolla's <c>dimensions</c>).</summary>
    public ContainerDimensions Dimensions { get; init; } = ContainerDimensions.None;

    /// <summary>Health check, or null for none.</summary>
    public ContainerHealthcheck? Healthcheck { get; init; }

    /// <summary>Restart policy: <c>no</c>, <c>on-failure</c>, <c>always</c>, <c>unless-stopped</c> or <c>oneshot</c>.</summary>
    public string RestartPolicy { get; init; } = "unless-stopped";

    /// <summary>Restart retries (kolla default 10).</summary>
    public int RestartRetries { get; init; } = 10;

    /// <summary>Seconds to wait for a graceful stop (kolla default 60).</summary>
    public int GracefulTimeoutSeconds { get; init; } = 60;

    /// <summary>Network mode; kolla always uses the host network.</summary>
    public string NetworkMode { get; init; } = "host";

    /// <summary>Desired engine state, kolla's <c>state</c>: <c>running</c> (default), <c>exited</c> or <c>paused</c>.</summary>
    /// <remarks>Compared with <c>State.Status</c> when adopting a container; not part of <see cref="ComputeHash"/>.</remarks>
    public string State { get; init; } = "running";

    /// <summary>The canonical spec hash kept in the <see cref="KollaLabels.SpecHash"/> label.</summary>
    /// <returns>Lower-case hex SHA-256 of <see cref="ContainerSpecHasher.ToCanonicalJson"/>.</returns>
    public string ComputeHash() => ContainerSpecHasher.Compute(this);
}
