using Kolla.Containers;
using Kolla.Facts;
using Kolla.Hosts;
using Kolla.Inventory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kolla.Docker;

/// <summary>Connects to inventory hosts that run on this machine (<c>ansible_connection=local</c>): local files and a Docker engine.</summary>
/// <remarks>
/// <para>
/// The engine endpoint is the host variable <see cref="DockerHostVariable"/> (<c>kolla_docker_host</c>, e.g.
/// <c>unix:///run/docker.sock</c>) when set, else <see cref="DockerRuntimeOptions.Endpoint"/>, else what the docker
/// CLI would use (<c>DOCKER_HOST</c>, the current context, <c>unix:///var/run/docker.sock</c>). The time zone
/// injected as <c>TZ</c> is the local host's, found as kolla does, unless the options set one.
/// </para>
/// <para>
/// With <c>kolla_container_engine: podman</c> the engine is Podman's Docker-compatible API (<c>podman system service</c>;
/// default endpoint <c>unix:///run/podman/podman.sock</c>), driven with the differences <see cref="PodmanMapping"/> lists.
/// </para>
/// <para>Connecting pings the engine, so an engine that is down fails here with <see cref="HostUnreachableException"/>.</para>
/// </remarks>
internal sealed class DockerHostConnector : IHostConnector, IHostFactsGatherer
{
    /// <inheritdoc/>
    /// <remarks>The engine is this machine's, so the facts are too: read in process, whatever the target's name.</remarks>
    public async ValueTask<HostFacts> GatherFactsAsync(HostTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return await LocalHostFacts.ReadAsync(target.Name, cancellationToken).ConfigureAwait(false);
    }


    /// <summary>The inventory variable overriding a host's Docker endpoint.</summary>
    public const string DockerHostVariable = "kolla_docker_host";

    /// <summary>The variable naming the container engine (<c>docker</c> or <c>podman</c>).</summary>
    internal const string ContainerEngineVariable = "kolla_container_engine";

    /// <summary>Podman's API socket when neither <c>kolla_docker_host</c> nor the options name one (the path kolla-ansible mounts).</summary>
    internal const string PodmanDefaultEndpoint = "unix:///run/podman/podman.sock";

    private readonly DockerRuntimeOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the connector.</summary>
    /// <param name="options">Runtime settings shared by all hosts; null for defaults.</param>
    /// <param name="loggerFactory">Logger factory; null for none.</param>
    /// <param name="timeProvider">Clock; null for the system clock.</param>
    public DockerHostConnector(DockerRuntimeOptions? options = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _options = (options ?? new DockerRuntimeOptions()).Clone();
        _options.Validate();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    /// <exception cref="HostUnreachableException">The host is not local, its endpoint is invalid, or its engine does not answer.</exception>
    public async ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!string.Equals(target.Connection, "local", StringComparison.Ordinal))
        {
            throw new HostUnreachableException(
                target.Name, $"ansible_connection is '{target.Connection}'; the Docker connector serves local hosts only (use the SSH connector)");
        }

        var options = _options.Clone();
        options.Podman = IsPodman(target);
        if (options.Podman && options.Endpoint is null)
        {
            options.Endpoint = new Uri(PodmanDefaultEndpoint);
        }

        if (target.Variables?.TryGetValue(DockerHostVariable, out var value) == true && value is not null)
        {
            var text = value.ToString();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var endpoint))
            {
                throw new HostUnreachableException(target.Name, $"{DockerHostVariable} '{text}' is not an absolute URI such as unix:///var/run/docker.sock");
            }

            options.Endpoint = endpoint;
        }

        options.TimeZone ??= await LocalTimeZoneAsync(cancellationToken).ConfigureAwait(false);
        var runtime = new DockerContainerRuntime(target.Name, options, _loggerFactory.CreateLogger<DockerContainerRuntime>(), _timeProvider);
        try
        {
            await runtime.PingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            runtime.Dispose();
            throw;
        }

        return new DockerHostConnection(target.Name, new LocalHostFiles(target.Name), runtime);
    }

    /// <summary>Whether the host's <c>kolla_container_engine</c> is <c>podman</c>.</summary>
    internal static bool IsPodman(HostTarget target) =>
        target.Variables?.TryGetValue(ContainerEngineVariable, out var engine) == true && string.Equals(engine?.ToString(), "podman", StringComparison.Ordinal);

    private static async Task<string> LocalTimeZoneAsync(CancellationToken cancellationToken)
    {
        string? etcTimezone = null;
        if (File.Exists("/etc/timezone"))
        {
            etcTimezone = await File.ReadAllTextAsync("/etc/timezone", cancellationToken).ConfigureAwait(false);
        }

        var link = File.Exists("/etc/localtime") ? new FileInfo("/etc/localtime").LinkTarget : null;
        return ContainerEnvironment.ResolveTimeZone(etcTimezone, link);
    }
}
