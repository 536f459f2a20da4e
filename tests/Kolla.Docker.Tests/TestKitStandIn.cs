// STAND-IN: replaced by tests/Kolla.TestKit at merge
using Kolla.Tests;

namespace Kolla.TestKit;

/// <summary>
/// A Docker engine for integration tests: <c>KOLLA_TEST_DOCKER_HOST</c> when set, else a private dockerd started
/// for the test run. Every container and volume a test creates is named <see cref="NameFor"/>.
/// </summary>
public sealed class DockerEngineFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _imageLock = new(1, 1);
    private PrivateDockerd? _engine;
    private bool _imageReady;

    /// <summary>The engine endpoint, e.g. <c>unix:///tmp/kt-docker-x/docker.sock</c>.</summary>
    public string DockerHost { get; private set; } = "";

    /// <summary>Identifies this test run; part of every name.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>The busybox image built from scratch (no registry is reachable).</summary>
    public string TestImage => "kolla-test/busybox:latest";

    /// <summary>A name unique to this run.</summary>
    public string NameFor(string name) => $"kt-{RunId}-{name}";

    /// <summary>Builds <see cref="TestImage"/> once if the engine lacks it.</summary>
    public async Task EnsureTestImageAsync()
    {
        await _imageLock.WaitAsync();
        try
        {
            if (_imageReady)
            {
                return;
            }

            var (inspect, _) = await PrivateDockerd.RunDockerAsync(DockerHost, $"image inspect {TestImage}", CancellationToken.None);
            if (inspect != 0)
            {
                var context = Path.Combine(Path.GetTempPath(), $"kt-image-{RunId}");
                Directory.CreateDirectory(context);
                try
                {
                    File.Copy("/bin/busybox", Path.Combine(context, "busybox"), overwrite: true);
                    await File.WriteAllTextAsync(
                        Path.Combine(context, "Dockerfile"),
                        "FROM scratch\nCOPY busybox /bin/busybox\nRUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\nCMD [\"/bin/sh\"]\n");
                    var (code, output) = await PrivateDockerd.RunDockerAsync(DockerHost, $"build -q -t {TestImage} {context}", CancellationToken.None);
                    if (code != 0)
                    {
                        throw new InvalidOperationException($"building {TestImage} failed (needs busybox-static): {output}");
                    }
                }
                finally
                {
                    Directory.Delete(context, recursive: true);
                }
            }

            _imageReady = true;
        }
        finally
        {
            _imageLock.Release();
        }
    }

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("KOLLA_TEST_DOCKER_HOST");
        if (!string.IsNullOrEmpty(configured))
        {
            DockerHost = configured;
            return;
        }

        _engine = await PrivateDockerd.StartAsync(RunId, CancellationToken.None);
        DockerHost = _engine.DockerHost;
    }

    public async ValueTask DisposeAsync()
    {
        // Remove what this run created, then stop the private engine.
        var prefix = $"kt-{RunId}-";
        var (_, containers) = await PrivateDockerd.RunDockerAsync(DockerHost, $"ps -aq --filter name={prefix}", CancellationToken.None);
        var ids = containers.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length > 0)
        {
            await PrivateDockerd.RunDockerAsync(DockerHost, $"rm -f {string.Join(' ', ids)}", CancellationToken.None);
        }

        var (_, volumes) = await PrivateDockerd.RunDockerAsync(DockerHost, $"volume ls -q --filter name={prefix}", CancellationToken.None);
        var names = volumes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length > 0)
        {
            await PrivateDockerd.RunDockerAsync(DockerHost, $"volume rm -f {string.Join(' ', names)}", CancellationToken.None);
        }

        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        _imageLock.Dispose();
    }
}
