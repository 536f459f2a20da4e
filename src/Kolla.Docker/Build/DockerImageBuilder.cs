using System.Globalization;
using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Kolla.Images;
using ImageBuildResult = Kolla.Images.ImageBuildResult;

namespace Kolla.Docker.Build;

/// <summary>
/// Builds a <see cref="BuildPlan"/> on a Docker engine through the image build API: each image's context is
/// packed as a tar in memory, built with host networking (RUN steps work on engines without a bridge), tagged
/// <c>[&lt;registry&gt;/]&lt;namespace&gt;/&lt;prefix&gt;&lt;name&gt;:&lt;tag&gt;</c> and labelled; images build in parallel,
/// a child after its parent, and a failed parent marks its descendants <c>parent_error</c>.
/// </summary>
public sealed class DockerImageBuilder : IDisposable
{
    private readonly IDockerClient _client;
    private readonly bool _ownsClient;

    /// <summary>Creates a builder for an engine endpoint (null: <c>DOCKER_HOST</c>, the docker context, then the default socket).</summary>
    public DockerImageBuilder(Uri? endpoint)
        : this(BuildClient(endpoint), ownsClient: true)
    {
    }

    /// <summary>Creates a builder over an existing client.</summary>
    public DockerImageBuilder(IDockerClient client, bool ownsClient = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _ownsClient = ownsClient;
    }

    /// <summary>The engine endpoint.</summary>
    public Uri Endpoint => _client.Options.Endpoint;

    /// <summary>True when the engine has an image with this reference.</summary>
    public async Task<bool> ImageExistsAsync(string reference, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.Images.InspectImageAsync(reference, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Imports a root file system tar (streamed) as an image (the engine's "create image from source").</summary>
    /// <exception cref="ImageBuildException">The engine refused the import.</exception>
    public async Task ImportAsync(Stream rootfsTar, string reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rootfsTar);
        var (repository, tag) = SplitReference(reference);
        var progress = new Collector(null);
        await _client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromSrc = "-", Repo = repository, Tag = tag },
            rootfsTar,
            authConfig: null,
            progress,
            cancellationToken).ConfigureAwait(false);
        if (progress.Error is { } error)
        {
            throw new ImageBuildException(null, 0, $"importing {reference} failed: {error}");
        }
    }

    /// <summary>Builds every step of the plan and reports what happened to each image.</summary>
    /// <param name="plan">The images, parents first.</param>
    /// <param name="settings">Names and label values.</param>
    /// <param name="options">Threads, retries, logs and the <c>kolla_start</c> file.</param>
    /// <param name="progress">Receives one line per image when it starts and ends; null for none.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <exception cref="ImageBuildException">A root image copies <c>kolla_start</c> and no such file was given.</exception>
    public async Task<ImageBuildSummary> BuildAsync(
        BuildPlan plan, ImageBuildSettings settings, ImageBuilderOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Retries);
        var kollaStart = await ReadKollaStartAsync(plan, options, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(options.LogsDirectory);
        using var slots = new SemaphoreSlim(options.Threads);
        var tasks = new Dictionary<string, Task<ImageBuildResult>>(StringComparer.Ordinal);
        foreach (var step in plan.Steps)
        {
            var parent = step.Parent is { } p && tasks.TryGetValue(p, out var parentTask) ? parentTask : null;
            tasks[step.Name] = BuildStepAsync(step, parent, settings, options, kollaStart, slots, progress, cancellationToken);
        }

        var results = await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        return new ImageBuildSummary(results, plan.NotMatched);
    }

    /// <summary>Disposes the client if this builder created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }

    private static async Task<byte[]?> ReadKollaStartAsync(BuildPlan plan, ImageBuilderOptions options, CancellationToken cancellationToken)
    {
        if (options.KollaStartPath is { } path && File.Exists(path))
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }

        var needing = plan.Steps.FirstOrDefault(s => s.Parent is null && !s.Image.HasFile(BuildContext.KollaStart) && s.Image.CopiesFromContext(BuildContext.KollaStart));
        if (needing is not null)
        {
            var where = options.KollaStartPath is null ? "no kolla_start file was found next to the kolla executable" : $"'{options.KollaStartPath}' does not exist";
            throw new ImageBuildException(needing.Image.TemplatePath, 0, $"image '{needing.Name}' copies kolla_start into the image, but {where}; pass --kolla-start PATH");
        }

        return null;
    }

    private async Task<ImageBuildResult> BuildStepAsync(
        BuildStep step, Task<ImageBuildResult>? parent, ImageBuildSettings settings, ImageBuilderOptions options, byte[]? kollaStart,
        SemaphoreSlim slots, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var reference = step.Image.Reference;
        if (parent is not null)
        {
            var parentResult = await parent.ConfigureAwait(false);
            if (parentResult.Status is ImageBuildStatus.Error or ImageBuildStatus.ParentError)
            {
                progress?.Report($"{step.Name}: not built, parent {parentResult.Name} failed");
                return new ImageBuildResult(step.Name, reference, ImageBuildStatus.ParentError, $"parent image '{parentResult.Name}' failed");
            }
        }

        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (options.SkipExisting && await ImageExistsAsync(reference, cancellationToken).ConfigureAwait(false))
            {
                progress?.Report($"{step.Name}: {reference} exists, skipped");
                return new ImageBuildResult(step.Name, reference, ImageBuildStatus.Skipped);
            }

            var logFile = Path.Combine(options.LogsDirectory, step.Name + ".log");
            await using var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
            string? error = null;
            for (var attempt = 0; attempt <= options.Retries; attempt++)
            {
                if (attempt > 0)
                {
                    await log.WriteLineAsync($"--- retry {attempt} of {options.Retries} ---").ConfigureAwait(false);
                }

                progress?.Report($"{step.Name}: building {reference}");
                error = await BuildOnceAsync(step, settings, options, step.Parent is null ? kollaStart : null, log, cancellationToken).ConfigureAwait(false);
                if (error is null)
                {
                    progress?.Report($"{step.Name}: built");
                    return new ImageBuildResult(step.Name, reference, ImageBuildStatus.Built, LogFile: logFile);
                }

                await log.WriteLineAsync("ERROR: " + error).ConfigureAwait(false);
            }

            await log.FlushAsync(cancellationToken).ConfigureAwait(false);
            var tail = Tail(logFile, options.ErrorTailLines);
            progress?.Report($"{step.Name}: failed: {error}");
            return new ImageBuildResult(step.Name, reference, ImageBuildStatus.Error, $"{error}\n{tail}", logFile);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<string?> BuildOnceAsync(
        BuildStep step, ImageBuildSettings settings, ImageBuilderOptions options, byte[]? kollaStart, StreamWriter log, CancellationToken cancellationToken)
    {
        using var context = BuildContext.Create(step.Image, kollaStart);
        var date = options.BuildDate ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var parameters = new ImageBuildParameters
        {
            Dockerfile = "Dockerfile",
            Tags = [step.Image.Reference],
            NetworkMode = "host",
            NoCache = options.NoCache,
            Pull = options.Pull && step.Parent is null ? "1" : null,
            Remove = true,
            ForceRemove = true,
            Labels = new Dictionary<string, string>
            {
                ["kolla_version"] = settings.KollaVersion,
                ["build-date"] = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["name"] = step.Name,
                ["maintainer"] = settings.Maintainer,
            },
        };
        var collector = new Collector(log);
        try
        {
            await _client.Images.BuildImageFromDockerfileAsync(parameters, context, authConfigs: null, headers: null, collector, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerApiException e)
        {
            return DockerErrors.Message(e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return $"connection to the Docker engine failed: {e.Message}";
        }

        return collector.Error;
    }

    private static string Tail(string logFile, int lines)
    {
        try
        {
            var all = File.ReadAllLines(logFile);
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    internal static (string Repository, string Tag) SplitReference(string reference)
    {
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? (reference[..colon], reference[(colon + 1)..]) : (reference, "latest");
    }

    private static DockerClient BuildClient(Uri? endpoint)
    {
        var builder = new DockerClientBuilder().WithTimeout(Timeout.InfiniteTimeSpan);
        if (endpoint is not null)
        {
            builder = builder.WithEndpoint(endpoint);
        }

        try
        {
            return builder.Build();
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DockerConfigurationException)
        {
            throw new ImageBuildException(null, 0, $"cannot use the Docker endpoint: {e.Message}");
        }
    }

    /// <summary>Writes build output to the log and keeps the first error.</summary>
    private sealed class Collector(StreamWriter? log) : IProgress<JSONMessage>
    {
        private readonly Lock _gate = new();

        public string? Error { get; private set; }

        public void Report(JSONMessage value)
        {
            lock (_gate)
            {
                var error = value.Error?.Message;
                if (!string.IsNullOrEmpty(error))
                {
                    Error ??= error.Trim();
                    log?.WriteLine(error.TrimEnd());
                }
                else if (!string.IsNullOrEmpty(value.Stream))
                {
                    log?.Write(value.Stream);
                }
                else if (!string.IsNullOrEmpty(value.Status))
                {
                    log?.WriteLine(string.IsNullOrEmpty(value.ID) ? value.Status : $"{value.ID}: {value.Status}");
                }
            }
        }
    }
}
