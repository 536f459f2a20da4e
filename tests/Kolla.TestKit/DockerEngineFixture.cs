using Xunit;

namespace Kolla.TestKit;

/// <summary>
/// A private Docker engine for integration tests (xUnit assembly or collection fixture). Reuses the
/// engine named by <c>KOLLA_TEST_DOCKER_HOST</c> when it answers (<c>scripts/test.sh</c> starts one);
/// otherwise starts its own with <c>tests/infra/start-dockerd.sh</c> (containerd + dockerd, vfs, own data
/// root, exec root, unix socket and pid file, no bridge, no iptables) and stops it by PID on dispose.
/// Everything a test creates should be named with <see cref="NameFor"/> and labelled with
/// <see cref="RunLabel"/>; dispose removes what carries the label.
/// </summary>
/// <remarks>
/// When the engine cannot start, <see cref="DockerHost"/> and the other engine members throw
/// <see cref="TestRigUnavailableException"/>: the test fails under <c>CI=true</c> and is skipped locally.
/// </remarks>
public class DockerEngineFixture : IAsyncLifetime
{
    /// <summary>The label key marking containers and volumes of a test run.</summary>
    public const string RunLabelKey = "kolla.test.run";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly Lazy<Task> _image;
    private RunDirectory? _ownEngine;
    private string? _dockerHost;
    private string? _unavailable;

    private readonly string _hostVariable;
    private readonly string _startScript;
    private readonly string _engineName;

    /// <summary>Initializes a new instance; the engine starts in <see cref="InitializeAsync"/>.</summary>
    public DockerEngineFixture()
        : this(TestRig.DockerHostVariable, "start-dockerd.sh", "Docker")
    {
    }

    /// <summary>Initializes a fixture for another engine with a Docker-compatible API (Podman's <c>podman system service</c>).</summary>
    /// <param name="hostVariable">The environment variable naming an engine to reuse.</param>
    /// <param name="startScript">The tests/infra script that starts one in a directory and prints its address.</param>
    /// <param name="engineName">The engine's name in messages.</param>
    protected DockerEngineFixture(string hostVariable, string startScript, string engineName)
    {
        _hostVariable = hostVariable;
        _startScript = startScript;
        _engineName = engineName;
        RunId = TestRig.NewRunId();
        _image = new Lazy<Task>(() => BuildTestImageAsync(CancellationToken.None));
    }

    /// <summary>Gets this fixture's run id (six hex digits).</summary>
    public string RunId { get; }

    /// <summary>Gets the label (<c>kolla.test.run=&lt;runId&gt;</c>) to put on everything a test creates.</summary>
    public string RunLabel => $"{RunLabelKey}={RunId}";

    /// <summary>Gets whether the engine answers.</summary>
    public bool IsAvailable => _dockerHost is not null;

    /// <summary>Gets whether this fixture started the engine itself (rather than reusing <c>KOLLA_TEST_DOCKER_HOST</c>).</summary>
    public bool OwnsEngine => _ownEngine is not null;

    /// <summary>Gets the engine's address, e.g. <c>unix:///tmp/kolla-test/s1a2b3c/engine/docker.sock</c>.</summary>
    /// <exception cref="TestRigUnavailableException">The engine is not available.</exception>
    public string DockerHost => _dockerHost ?? throw TestRig.Unavailable(_unavailable ?? "The Docker engine fixture was not initialized.");

    /// <summary>Gets the primary name of the busybox test image; call <see cref="EnsureTestImageAsync"/> first.</summary>
    public string TestImage => TestImages.Busybox;

    /// <summary>Gets every name the test image is tagged with.</summary>
    public IReadOnlyList<string> TestImageTags => TestImages.All;

    /// <summary>Names a container, volume or file of this run: <c>kt-&lt;runId&gt;-&lt;name&gt;</c>.</summary>
    /// <param name="name">The test's own name for it.</param>
    /// <returns>The name, unique to this run.</returns>
    public string NameFor(string name) => $"kt-{RunId}-{name}";

    /// <summary>Builds the busybox test image on the engine unless every tag already exists.</summary>
    /// <param name="cancellationToken">Stops waiting (the build itself runs on).</param>
    /// <returns>A task that completes when the image exists.</returns>
    /// <exception cref="TestRigUnavailableException">The engine is not available, or the build failed.</exception>
    public Task EnsureTestImageAsync(CancellationToken cancellationToken = default)
    {
        _ = DockerHost;
        return _image.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Runs the docker CLI against this engine: <c>docker -H &lt;DockerHost&gt; &lt;arguments&gt;</c>.</summary>
    /// <param name="arguments">The arguments after <c>-H host</c>.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code and output.</returns>
    /// <exception cref="TestRigUnavailableException">The engine is not available.</exception>
    public Task<CommandResult> DockerAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        ExternalCommand.RunAsync("docker", ["-H", DockerHost, .. arguments], cancellationToken: cancellationToken);

    /// <summary>Force-removes every image whose reference matches <paramref name="reference"/> (e.g. <c>kt-abc/*</c>).</summary>
    /// <param name="reference">A <c>docker image ls --filter reference=</c> pattern.</param>
    /// <param name="cancellationToken">Cancels the commands.</param>
    /// <returns>A task that completes when the images are gone.</returns>
    public async Task RemoveImagesAsync(string reference, CancellationToken cancellationToken = default)
    {
        var images = await DockerAsync(["image", "ls", "-q", "--filter", $"reference={reference}"], cancellationToken);
        var ids = images.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
        if (ids.Length > 0)
        {
            await DockerAsync(["rmi", "-f", .. ids], cancellationToken);
        }
    }

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var cancellationToken = timeout.Token;
        if (!TestRig.IsRoot)
        {
            _unavailable = $"A private {_engineName} engine needs root, and this process is not root; {TestRig.InstallHint}.";
            return;
        }

        try
        {
            _dockerHost = await StartEngineAsync(cancellationToken);
        }
        catch (TestRigUnavailableException e)
        {
            _unavailable = e.Message;
        }
    }

    /// <summary>Reuses the engine the host variable names when it answers, else starts one with the start script.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The engine's address.</returns>
    /// <exception cref="TestRigUnavailableException">It could not be started.</exception>
    protected virtual async Task<string> StartEngineAsync(CancellationToken cancellationToken)
    {
        var reuse = Environment.GetEnvironmentVariable(_hostVariable);
        if (!string.IsNullOrWhiteSpace(reuse) && await AnswersAsync(reuse, cancellationToken))
        {
            return reuse;
        }

        var dir = await RunDirectory.CreateAsync(RunId, _engineName.ToLowerInvariant(), cancellationToken);
        _ownEngine = dir;
        var started = await ExternalCommand.RunInfraScriptAsync(
            _startScript, [Path.Combine(dir.Path, "engine")], cancellationToken: cancellationToken);
        return started.Succeeded
            ? started.StandardOutput.Trim()
            : throw TestRig.Unavailable($"Could not start a private {_engineName} engine ({started.StandardError.Trim()}); {TestRig.InstallHint}.");
    }

    /// <inheritdoc/>
    public virtual async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        if (_dockerHost is not null)
        {
            await RemoveLabelledAsync(timeout.Token);
        }

        if (_ownEngine is not null)
        {
            await _ownEngine.CleanupAsync(timeout.Token);
        }

        GC.SuppressFinalize(this);
    }

    private static async Task<bool> AnswersAsync(string host, CancellationToken cancellationToken)
    {
        var version = await ExternalCommand.RunAsync(
            "docker", ["-H", host, "version", "--format", "{{.Server.Version}}"], cancellationToken: cancellationToken);
        return version.Succeeded;
    }

    private async Task BuildTestImageAsync(CancellationToken cancellationToken)
    {
        var built = await ExternalCommand.RunInfraScriptAsync("build-test-image.sh", [DockerHost], cancellationToken: cancellationToken);
        if (!built.Succeeded)
        {
            throw TestRig.Unavailable($"Could not build the busybox test image on {DockerHost} ({built.StandardError.Trim()}); {TestRig.InstallHint}.");
        }
    }

    private async Task RemoveLabelledAsync(CancellationToken cancellationToken)
    {
        var filter = $"label={RunLabel}";
        var containers = await DockerAsync(["ps", "-aq", "--filter", filter], cancellationToken);
        var ids = containers.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > 0)
        {
            await DockerAsync(["rm", "-f", "-v", .. ids], cancellationToken);
        }

        var volumes = await DockerAsync(["volume", "ls", "-q", "--filter", filter], cancellationToken);
        var names = volumes.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length > 0)
        {
            await DockerAsync(["volume", "rm", "-f", .. names], cancellationToken);
        }
    }
}
