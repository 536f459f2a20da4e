namespace Kolla.Ssh;

/// <summary>How <see cref="SshDockerClientFactory"/> reaches the Docker engine of an SSH target.</summary>
/// <remarks>Every Docker API connection is one <c>docker system dial-stdio</c> process on the target, started in an exec
/// channel of the existing SSH connection; the engine's HTTP API is spoken over its stdin/stdout, as the docker CLI does for
/// <c>ssh://</c> hosts. Idle connections are kept for reuse (HTTP keep-alive), so a burst of requests costs one process.</remarks>
internal sealed record SshDockerTransportOptions
{
    /// <summary>Docker endpoint on the target (e.g. <c>unix:///var/run/docker.sock</c>); null uses the target CLI's own default.</summary>
    /// <remarks>With <see cref="Podman"/>, the Podman API service's (<c>CONTAINER_HOST</c>); podman's own default is
    /// <c>unix:///run/podman/podman.sock</c> for root.</remarks>
    public string? DockerHost { get; init; }

    /// <summary>The engine is Podman: the pipe is <c>podman system dial-stdio</c> to its API service, not the docker CLI's.</summary>
    public bool Podman { get; init; }

    /// <summary>Run dial-stdio through <c>sudo -n</c> (login user not root and not in the docker group).</summary>
    public bool UseSudo { get; init; }

    /// <summary>The become password sudo reads as the first line of dial-stdio's input (<c>sudo -k -S</c>); null for <c>sudo -n</c>.</summary>
    public string? SudoPassword { get; init; }

    /// <summary>User sudo switches to (<c>ansible_become_user</c>); null means root.</summary>
    public string? SudoUser { get; init; }

    /// <summary>Engine API version to request; null uses the engine's own version.</summary>
    public Version? ApiVersion { get; init; }

    /// <summary>Most concurrent API connections (dial-stdio processes and SSH channels). Default 4.</summary>
    public int MaxConnections { get; init; } = 4;

    /// <summary>How long an idle connection is kept for reuse. Default 60 seconds.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest time one non-streaming API request may take. Default 100 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(100);
}
