namespace Kolla.Docker;

/// <summary>Settings of <see cref="DockerContainerRuntime"/>.</summary>
public sealed class DockerRuntimeOptions
{
    /// <summary>
    /// The engine endpoint (<c>unix:///path/docker.sock</c>, <c>tcp://host:2375</c>). Null resolves it as the docker
    /// CLI does: <c>DOCKER_HOST</c>, then the current docker context, then <c>unix:///var/run/docker.sock</c>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Engine API version to request, or null to use the engine's own (works with Docker 20.10 to 29).</summary>
    public Version? ApiVersion { get; set; }

    /// <summary>Timeout of one ordinary API request (streams, waits and stops are bounded by their own timeouts).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries after the first attempt for transient errors (connection refused or reset, timeouts, 5xx).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; doubled on each further retry.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Container inspections run concurrently by <see cref="DockerContainerRuntime.ListAsync"/>.</summary>
    public int MaxParallelInspects { get; set; } = 16;

    /// <summary>Log lines kept in a one-shot container's <see cref="Kolla.Hosts.OneShotResult.Output"/>.</summary>
    public int OneShotLogTailLines { get; set; } = 50;

    /// <summary>The target host's time zone, injected as <c>TZ</c> into created containers unless their spec sets it; null means <c>UTC</c>.</summary>
    /// <remarks><see cref="DockerHostConnector"/> fills it from the local host (<see cref="Containers.ContainerEnvironment.ResolveTimeZone"/>).</remarks>
    public string? TimeZone { get; set; }

    /// <summary>
    /// The engine is Podman's Docker-compatible API (<c>podman system service</c>), not Docker: creates send no
    /// <c>Config.Volumes</c> for bound destinations and inspections are read back as <see cref="PodmanMapping"/> says.
    /// </summary>
    internal bool Podman { get; set; }

    /// <summary>
    /// With <see cref="Podman"/>: builds the HTTP handler for Podman's own API (<c>/libpod/...</c>, used to run health
    /// checks) when the engine is reached through a tunnel (Kolla.Ssh); null connects to <see cref="Endpoint"/> directly.
    /// The handler's connections must reach the same API service as the client's.
    /// </summary>
    internal Func<HttpMessageHandler>? PodmanApiHandler { get; set; }

    /// <summary>Copies these options.</summary>
    /// <returns>A new instance with the same values.</returns>
    public DockerRuntimeOptions Clone() => (DockerRuntimeOptions)MemberwiseClone();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelInspects, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(OneShotLogTailLines);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RequestTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryInitialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryMaxDelay, TimeSpan.Zero);
    }
}
