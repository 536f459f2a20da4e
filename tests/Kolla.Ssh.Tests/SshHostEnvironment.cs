using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Ssh;
using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary>
/// The SSH integration tests' target: the test assembly's private Docker engine (<see cref="DockerEngineFixture"/>, an
/// assembly fixture) holding the busybox test image, and one TestKit sshd (<see cref="SshServerFixture"/>) whose sessions
/// reach that engine (sshd <c>SetEnv DOCKER_HOST</c>).
/// </summary>
/// <param name="engine">The test assembly's Docker engine.</param>
public sealed class SshHostEnvironment(DockerEngineFixture engine) : IAsyncLifetime
{
    private readonly SshServerFixture _ssh = new(engine);
    private TestRigUnavailableException? _imageUnavailable;

    /// <summary>Gets the private Docker engine the sshd sessions use.</summary>
    public DockerEngineFixture Engine => engine;

    /// <summary>Gets the running sshd.</summary>
    /// <exception cref="TestRigUnavailableException">sshd is not available.</exception>
    public SshServer Server => _ssh.Server;

    /// <summary>Gets the directory the tests create their files in (removed on dispose).</summary>
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "kt-ssh-work-" + Guid.NewGuid().ToString("N")[..8]);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        await _ssh.InitializeAsync();
        if (engine.IsAvailable)
        {
            try
            {
                await engine.EnsureTestImageAsync();
            }
            catch (TestRigUnavailableException e)
            {
                _imageUnavailable = e;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _ssh.DisposeAsync();
        Directory.Delete(WorkDirectory, recursive: true);
    }

    /// <summary>
    /// Skips the test locally (fails it under <c>CI=true</c>) when sshd, the Docker engine or the test image is missing,
    /// with the TestKit's message naming what to install.
    /// </summary>
    public void RequireAvailable()
    {
        _ = Server;
        _ = Engine.DockerHost;
        if (_imageUnavailable is not null)
        {
            throw TestRig.Unavailable(_imageUnavailable.Reason);
        }
    }

    /// <summary>Writes a known_hosts file with the given lines into a fresh test directory and returns its path.</summary>
    public string WriteKnownHosts(params string[] lines)
    {
        var directory = Path.Combine(WorkDirectory, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "known_hosts");
        File.WriteAllText(path, string.Join("\n", lines) + (lines.Length > 0 ? "\n" : ""));
        return path;
    }

    /// <summary>A fresh directory (for file tests) under the work directory.</summary>
    public string NewDirectory(string name)
    {
        var path = Path.Combine(WorkDirectory, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public SshExecutorOptions Options(string knownHostsFile) => new()
    {
        PrivateKeyFile = Server.ClientKeyPath,
        KnownHostsFile = knownHostsFile,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        KeepAliveInterval = TimeSpan.FromSeconds(2),
    };

    public HostTarget Target(string name = "node-a", string? user = null, IReadOnlyDictionary<string, object?>? variables = null) =>
        new(name, Server.Host, Server.Port, user, Variables: variables);

    /// <summary>The production connector: Kolla.Docker's runtime over the tunnelled Docker client.</summary>
    public SshHostConnector Connector(SshExecutorOptions options) => SshHostConnector.Create(options);

    /// <summary>Connects with the server's key in known_hosts.</summary>
    public async Task<IHostConnection> ConnectAsync(CancellationToken cancellationToken, Action<SshExecutorOptions>? configure = null)
    {
        var options = Options(WriteKnownHosts(Server.KnownHostsLine));
        configure?.Invoke(options);
        return await Connector(options).ConnectAsync(Target(), cancellationToken);
    }
}

[CollectionDefinition("ssh")]
public sealed class SshCollection : ICollectionFixture<SshHostEnvironment>;
