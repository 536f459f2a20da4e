using System.Net;
using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;
using Kolla.Containers;
using Kolla.Hosts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ContainerSpec = Kolla.Containers.ContainerSpec;

namespace Kolla.Docker;

/// <summary>A host's container runtime over Docker's Engine API (Docker.DotNet.Enhanced).</summary>
/// <remarks>
/// <para>Counterpart of kolla-ansible's <c>kolla_container</c> and <c>kolla_container_facts</c> modules (Docker code path).</para>
/// <para>
/// Transient failures (connection refused or reset, request timeouts, 502/503/504 and 5xx answers that do not
/// describe a refusal) are retried with bounded exponential backoff (<see cref="DockerRuntimeOptions.MaxRetries"/>);
/// a transport that stays down surfaces as <see cref="HostUnreachableException"/>, an engine refusal as
/// <see cref="ContainerOperationException"/> naming the host and the container, image or volume.
/// </para>
/// <para>Restart policies map to the engine's own (kolla uses systemd units instead; see the create mapping notes in the README).</para>
/// </remarks>
/// <example>
/// <code>
/// using var runtime = new DockerContainerRuntime("localhost", new DockerRuntimeOptions { Endpoint = new("unix:///var/run/docker.sock") });
/// IReadOnlyList&lt;ContainerState&gt; containers = await runtime.ListAsync(cancellationToken);
/// </code>
/// </example>
public sealed class DockerContainerRuntime : IContainerRuntime, IContainerEngineInfo, IDisposable
{
    private readonly IDockerClient _client;
    private readonly bool _ownsClient;
    private readonly DockerRuntimeOptions _options;
    private readonly PodmanHealthchecks? _podmanHealthchecks;
    private readonly DockerCallPolicy _policy;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates a runtime that builds its own client for <see cref="DockerRuntimeOptions.Endpoint"/>.</summary>
    /// <param name="host">Inventory name of the host, used in messages.</param>
    /// <param name="options">Settings; null for defaults (endpoint from <c>DOCKER_HOST</c>).</param>
    /// <param name="logger">Logger; null for none.</param>
    /// <param name="timeProvider">Clock for retry delays and timeouts; null for the system clock.</param>
    /// <exception cref="HostUnreachableException">The endpoint's scheme is not supported (e.g. <c>ssh://</c>; use Kolla.Ssh).</exception>
    public DockerContainerRuntime(string host, DockerRuntimeOptions? options = null, ILogger? logger = null, TimeProvider? timeProvider = null)
        : this(host, BuildClient(host, options ?? new DockerRuntimeOptions()), ownsClient: true, options, logger, timeProvider)
    {
    }

    private DockerContainerRuntime(string host, IDockerClient client, bool ownsClient, DockerRuntimeOptions? options, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentNullException.ThrowIfNull(client);
        _options = (options ?? new DockerRuntimeOptions()).Clone();
        _options.Validate();
        _client = client;
        _ownsClient = ownsClient;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        Host = host;
        _policy = new DockerCallPolicy(host, client.Options.Endpoint, _options, _logger, _time);
        _podmanHealthchecks = !_options.Podman ? null
            : _options.PodmanApiHandler is { } tunnel ? new PodmanHealthchecks(tunnel()) : new PodmanHealthchecks(client.Options.Endpoint);
        _logger.Endpoint(host, client.Options.Endpoint);
    }

    /// <summary>Inventory name of the host.</summary>
    public string Host { get; }

    /// <summary>The engine endpoint in use.</summary>
    public Uri Endpoint => _client.Options.Endpoint;

    /// <summary>Creates a runtime over an already built client, e.g. one whose transport is tunnelled over SSH.</summary>
    /// <param name="client">The client.</param>
    /// <param name="host">Inventory name of the host, used in messages.</param>
    /// <param name="options">Settings (the endpoint and API version are the client's); null for defaults.</param>
    /// <param name="logger">Logger; null for none.</param>
    /// <param name="timeProvider">Clock; null for the system clock.</param>
    /// <param name="ownsClient">Dispose the client with the runtime.</param>
    /// <returns>The runtime.</returns>
    public static DockerContainerRuntime FromClient(
        IDockerClient client,
        string host,
        DockerRuntimeOptions? options = null,
        ILogger? logger = null,
        TimeProvider? timeProvider = null,
        bool ownsClient = true) =>
        new(host, client, ownsClient, options, logger, timeProvider);

    /// <summary>Checks that the engine answers.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <exception cref="HostUnreachableException">The engine cannot be reached.</exception>
    public Task PingAsync(CancellationToken cancellationToken = default) =>
        _policy.RunAsync("ping", "the Docker engine", ct => _client.System.PingAsync(ct), cancellationToken);

    /// <inheritdoc />
    /// <exception cref="HostUnreachableException">The engine cannot be reached.</exception>
    public async Task<ContainerEngineVersion?> GetEngineVersionAsync(CancellationToken cancellationToken = default)
    {
        var version = await _policy.RunAsync("read the version of", "the Docker engine", ct => _client.System.GetVersionAsync(ct), cancellationToken).ConfigureAwait(false);
        return new ContainerEngineVersion(
            version.Version ?? "unknown",
            ParseApiVersion(version.APIVersion) ?? new System.Version(0, 0),
            ParseApiVersion(version.MinAPIVersion));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContainerState>> ListAsync(CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var summaries = await _policy.RunAsync(
            "list", "containers",
            ct => _client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, ct),
            cancellationToken).ConfigureAwait(false);
        var states = new ContainerState?[summaries.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelInspects, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, summaries.Count), parallel, async (i, ct) =>
        {
            // A container removed between the list and its inspection is simply absent.
            states[i] = await InspectAsync(summaries[i].ID, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        var result = states.OfType<ContainerState>().OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        _logger.Listed(Host, result.Count, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ContainerState>> ListSummariesAsync(CancellationToken cancellationToken = default)
    {
        var summaries = await _policy.RunAsync(
            "list", "containers",
            ct => _client.Containers.ListContainersAsync(new ContainersListParameters { All = true }, ct),
            cancellationToken).ConfigureAwait(false);
        return [.. summaries.Select(DockerMapping.ToSummaryState).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImageState>> ListImagesAsync(CancellationToken cancellationToken = default)
    {
        var images = await _policy.RunAsync(
            "list", "images",
            ct => _client.Images.ListImagesAsync(new ImagesListParameters(), ct),
            cancellationToken).ConfigureAwait(false);
        return [.. images.Select(DockerMapping.ToImageState)];
    }

    /// <inheritdoc />
    public Task<ContainerState?> InspectAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _policy.RunAsync("inspect", name, async ct =>
        {
            try
            {
                var inspect = await _client.Containers.InspectContainerAsync(name, ct).ConfigureAwait(false);
                if (_podmanHealthchecks is not null && inspect.State is { Running: true, Health.Status: "starting" })
                {
                    await _podmanHealthchecks.RunAsync(name, ct).ConfigureAwait(false);
                    inspect = await _client.Containers.InspectContainerAsync(name, ct).ConfigureAwait(false);
                }

                return _options.Podman ? PodmanMapping.ToState(inspect) : DockerMapping.ToState(inspect);
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default) =>
        (await InspectImageAsync(image, cancellationToken).ConfigureAwait(false))?.Id;

    /// <inheritdoc />
    public Task<ImageState?> InspectImageAsync(string image, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return _policy.RunAsync("inspect image", image, async ct =>
        {
            try
            {
                var inspect = await _client.Images.InspectImageAsync(image, ct).ConfigureAwait(false);
                return DockerMapping.ToImageState(inspect);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The tag is parsed as kolla does (<see cref="ImageReference"/>; no digests). Registry authentication is not supported yet.</remarks>
    /// <exception cref="ContainerOperationException">The image does not exist or the pull failed.</exception>
    public Task PullImageAsync(string image, CancellationToken cancellationToken = default)
    {
        var reference = ImageReference.Parse(image, ImageReference.LatestTag);
        var subject = reference.ToString();
        _logger.Pulling(Host, subject);
        return _policy.RunAsync("pull", subject, async ct =>
        {
            var progress = new PullProgress();
            try
            {
                await _client.Images.CreateImageAsync(
                    new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.Tag },
                    authConfig: null,
                    progress,
                    ct).ConfigureAwait(false);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                throw PullFailed(subject, DockerErrors.Message(e), e);
            }

            if (progress.Error is { } error)
            {
                throw PullFailed(subject, error, null);
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ContainerOperationException">The engine refused (a container uses the image).</exception>
    public Task RemoveImageAsync(string image, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return _policy.RunAsync("remove image", image, async ct =>
        {
            try
            {
                await _client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = false }, ct).ConfigureAwait(false);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Already gone.
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task EnsureVolumeAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _policy.RunAsync("create volume", name, async ct =>
        {
            await _client.Volumes.CreateAsync(
                new VolumesCreateParameters
                {
                    Name = name,
                    Driver = "local",
                    Labels = new Dictionary<string, string> { [KollaLabels.VolumeManaged] = "true" },
                },
                ct).ConfigureAwait(false);
            _logger.VolumeEnsured(Host, name);
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ContainerOperationException">The volume is in use.</exception>
    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _policy.RunAsync("remove volume", name, async ct =>
        {
            try
            {
                await _client.Volumes.RemoveAsync(name, force: null, ct).ConfigureAwait(false);
                _logger.VolumeRemoved(Host, name);
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                // Already gone.
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListVolumesAsync(CancellationToken cancellationToken = default)
    {
        var response = await _policy.RunAsync("list", "volumes", ct => _client.Volumes.ListAsync(ct), cancellationToken).ConfigureAwait(false);
        return [.. (response.Volumes ?? []).Select(v => v.Name).Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Named volumes in the spec are created first. Labels: the spec's, then <paramref name="labels"/>, plus
    /// <see cref="KollaLabels.SpecHash"/> (<see cref="ContainerSpec.ComputeHash"/>) and <see cref="KollaLabels.ManagedBy"/>
    /// unless <paramref name="labels"/> sets them.
    /// </remarks>
    /// <exception cref="ContainerOperationException">The engine refused (name in use, image missing, invalid spec).</exception>
    public async Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(labels);
        var allLabels = new Dictionary<string, string>(labels, StringComparer.Ordinal);
        allLabels.TryAdd(KollaLabels.SpecHash, spec.ComputeHash());
        allLabels.TryAdd(KollaLabels.ManagedBy, KollaLabels.ManagedByValue);
        CreateContainerParameters parameters;
        try
        {
            parameters = DockerMapping.ToCreateParameters(spec, allLabels, _options.TimeZone);
            if (_options.Podman)
            {
                PodmanMapping.Adapt(parameters);
            }

        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            throw new ContainerOperationException(Host, spec.Name, $"invalid container spec: {e.Message}", e);
        }

        foreach (var volume in ContainerVolumes.Parse(spec.Volumes).NamedVolumes)
        {
            await EnsureVolumeAsync(volume, cancellationToken).ConfigureAwait(false);
        }

        var id = await _policy.RunAsync("create", spec.Name, async (attempt, ct) =>
        {
            try
            {
                var response = await _client.Containers.CreateContainerAsync(parameters, ct).ConfigureAwait(false);
                return response.ID;
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict && attempt > 1)
            {
                // An earlier attempt reached the engine before its connection failed: that container is ours.
                var existing = await InspectEarlierCreateAsync(spec.Name, ct).ConfigureAwait(false);
                if (existing.Config?.Labels?.TryGetValue(KollaLabels.SpecHash, out var hash) == true && hash == allLabels[KollaLabels.SpecHash])
                {
                    _logger.CreateRecovered(Host, spec.Name, existing.ID);
                    return existing.ID;
                }

                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
        _logger.Created(Host, spec.Name, ShortId(id));
        return id;
    }

    // An earlier create that timed out on this side may still run in the engine (a slow storage driver copies the whole
    // image): the engine holds the name, so the retry conflicts, but shows no container until it is done. Its answer
    // is awaited for at most one request timeout.
    private async Task<ContainerInspectResponse> InspectEarlierCreateAsync(string name, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _client.Containers.InspectContainerAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (DockerContainerNotFoundException) when (_time.GetElapsedTime(started) < _options.RequestTimeout)
            {
                await Task.Delay(_policy.Delay(attempt), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public Task StartAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _policy.RunAsync("start", name, async ct =>
        {
            await _client.Containers.StartContainerAsync(name, null, ct).ConfigureAwait(false);
            _logger.Started(Host, name);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task StopAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var parameters = new ContainerStopParameters { WaitBeforeKillSeconds = WholeSeconds(timeout) };
        return _policy.RunAsync("stop", name, async ct =>
        {
            try
            {
                await _client.Containers.StopContainerAsync(name, parameters, ct).ConfigureAwait(false);
                _logger.Stopped(Host, name);
            }
            catch (DockerContainerNotFoundException)
            {
                // Nothing to stop.
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task RestartAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var parameters = new ContainerRestartParameters { WaitBeforeKillSeconds = WholeSeconds(timeout) };
        return _policy.RunAsync("restart", name, async ct =>
        {
            await _client.Containers.RestartContainerAsync(name, parameters, ct).ConfigureAwait(false);
            _logger.Restarted(Host, name);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _policy.RunAsync("remove", name, async ct =>
        {
            try
            {
                await _client.Containers.RemoveContainerAsync(name, new ContainerRemoveParameters { Force = true }, ct).ConfigureAwait(false);
                _logger.Removed(Host, name);
            }
            catch (DockerContainerNotFoundException)
            {
                // Already gone.
            }
            catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.Conflict
                && DockerErrors.Message(e).Contains("already in progress", StringComparison.OrdinalIgnoreCase))
            {
                // Another removal of the same container is under way.
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A leftover container of the same name (from an interrupted run) is removed first. The container gets restart
    /// policy <c>no</c> whatever the spec says. It is removed afterwards whether it succeeded, failed or timed out.
    /// </remarks>
    /// <exception cref="ContainerOperationException">It could not be created or started, or did not finish within <paramref name="timeout"/>.</exception>
    public async Task<OneShotResult> RunOneShotAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(labels);
        var oneShot = spec with { RestartPolicy = "oneshot" };
        if (await InspectAsync(oneShot.Name, cancellationToken).ConfigureAwait(false) is not null)
        {
            _logger.RemovingLeftover(Host, oneShot.Name);
            await RemoveAsync(oneShot.Name, cancellationToken).ConfigureAwait(false);
        }

        await CreateAsync(oneShot, labels, cancellationToken).ConfigureAwait(false);
        try
        {
            await StartAsync(oneShot.Name, cancellationToken).ConfigureAwait(false);
            using var deadline = new CancellationTokenSource(timeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            long exitCode;
            try
            {
                var wait = await _policy.RunAsync(
                    "wait for", oneShot.Name,
                    ct => _client.Containers.WaitContainerAsync(oneShot.Name, ct),
                    linked.Token).ConfigureAwait(false);
                exitCode = wait.StatusCode;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var partial = await GetLogTailAsync(oneShot.Name, _options.OneShotLogTailLines, cancellationToken).ConfigureAwait(false);
                throw new ContainerOperationException(
                    Host, oneShot.Name, $"one-shot container did not finish within {timeout.TotalSeconds:0} s; last output:{Environment.NewLine}{partial}");
            }

            var output = await GetLogTailAsync(oneShot.Name, _options.OneShotLogTailLines, cancellationToken).ConfigureAwait(false);
            _logger.OneShotFinished(Host, oneShot.Name, exitCode);
            return new OneShotResult(exitCode, output);
        }
        finally
        {
            // Clean up even when the caller cancelled, but do not hang on it.
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30), _time);
            try
            {
                await RemoveAsync(oneShot.Name, cleanup.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HostExecutionException or OperationCanceledException)
            {
                // The original outcome matters more than a failed cleanup; the next run removes the leftover.
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Runs as root (uid 0), as kolla's in-container config check does.</remarks>
    /// <exception cref="ContainerOperationException">The container does not exist or is not running.</exception>
    public async Task<OneShotResult> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfZero(command.Count);
        var created = await _policy.RunAsync("exec in", name, ct => _client.Exec.CreateContainerExecAsync(
            name,
            new ContainerExecCreateParameters { AttachStdout = true, AttachStderr = true, User = "0", Cmd = [.. command] },
            ct), cancellationToken).ConfigureAwait(false);

        // Starting is not idempotent: no retries from here on.
        string output;
        try
        {
            using var stream = await _client.Exec.StartContainerExecAsync(created.ID, new ContainerExecStartParameters(), cancellationToken).ConfigureAwait(false);
            output = await ReadCombinedAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not KollaException && DockerErrors.Classify(e, cancellationToken) != DockerErrorKind.Unknown)
        {
            throw _policy.Translate("exec in", name, e, DockerErrors.Classify(e, cancellationToken));
        }

        var inspect = await _policy.RunAsync("inspect exec in", name, ct => _client.Exec.InspectContainerExecAsync(created.ID, ct), cancellationToken)
            .ConfigureAwait(false);
        var exitCode = inspect.ExitCode ?? -1;
        _logger.Executed(Host, name, exitCode);
        return new OneShotResult(exitCode, output);
    }

    /// <inheritdoc />
    public Task<string> GetLogTailAsync(string name, int lines, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegative(lines);
        var parameters = new ContainerLogsParameters { ShowStdout = true, ShowStderr = true, Tail = lines.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return _policy.RunAsync("read logs of", name, async ct =>
        {
            using var stream = await _client.Containers.GetContainerLogsAsync(name, parameters, ct).ConfigureAwait(false);
            return await ReadCombinedAsync(stream, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Disposes the client if this runtime owns it.</summary>
    public void Dispose()
    {
        _podmanHealthchecks?.Dispose();
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private static DockerClient BuildClient(string host, DockerRuntimeOptions options)
    {
        var builder = new DockerClientBuilder().WithTimeout(options.RequestTimeout).WithApiVersion(options.ApiVersion);
        if (options.Endpoint is { } endpoint)
        {
            builder = builder.WithEndpoint(endpoint);
        }

        try
        {
            return builder.Build();
        }
        catch (SshDockerEndpointNotSupportedException e)
        {
            throw new HostUnreachableException(host, "ssh:// Docker endpoints are reached through Kolla.Ssh (SSH connector), not Kolla.Docker", e);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DockerConfigurationException)
        {
            throw new HostUnreachableException(host, $"cannot use the Docker endpoint: {e.Message}", e);
        }
    }

    private static async Task<string> ReadCombinedAsync(MultiplexedStream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        while (true)
        {
            var read = await stream.ReadOutputAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
            if (read.EOF)
            {
                break;
            }

            if (read.Target != MultiplexedStream.TargetStream.StandardIn)
            {
                buffer.Write(chunk, 0, read.Count);
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private ContainerOperationException PullFailed(string image, string message, Exception? inner)
    {
        var lower = message.ToLowerInvariant();
        var missing = lower.Contains("not found", StringComparison.Ordinal)
            || lower.Contains("manifest unknown", StringComparison.Ordinal)
            || lower.Contains("does not exist", StringComparison.Ordinal)
            || lower.Contains("pull access denied", StringComparison.Ordinal);
        return new ContainerOperationException(
            Host, image, missing ? $"The requested image does not exist: {image} ({message})" : $"pull failed: {message}", inner);
    }

    private static System.Version? ParseApiVersion(string? text) =>
        System.Version.TryParse(text, out var version) ? version : null;

    private static uint WholeSeconds(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero ? 0 : (uint)Math.Min(Math.Ceiling(timeout.TotalSeconds), uint.MaxValue);

    private static string ShortId(string id) => id.Length > 12 ? id[..12] : id;

    private sealed class PullProgress : IProgress<JSONMessage>
    {
        public string? Error { get; private set; }

        public void Report(JSONMessage value)
        {
            if (value.Error?.Message is { Length: > 0 } message)
            {
                Error ??= message;
            }
        }
    }
}
