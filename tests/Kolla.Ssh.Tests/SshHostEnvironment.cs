using Kolla.Execution;
using Kolla.Ssh;
using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary>One private Docker engine and one sshd whose sessions reach it (sshd <c>SetEnv DOCKER_HOST</c>), shared by the
/// SSH integration tests.</summary>
public sealed class SshHostEnvironment : IAsyncLifetime
{
    public DockerEngineFixture Engine { get; } = new();

    public SshServerFixture Server { get; private set; } = null!;

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "kt-ssh-work-" + Guid.NewGuid().ToString("N")[..8]);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        await Engine.InitializeAsync();
        Server = new SshServerFixture(Engine.UnavailableReason is null ? Engine.DockerHost : null);
        await Server.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Engine.DisposeAsync();
        Directory.Delete(WorkDirectory, recursive: true);
    }

    /// <summary>Skips locally (fails under CI=true) when sshd, dockerd or the docker CLI is missing.</summary>
    public void RequireAvailable()
    {
        if ((Server.UnavailableReason ?? Engine.UnavailableReason) is not { } reason)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail($"{reason}: install openssh-server, docker.io and busybox-static");
        }

        Assert.Skip(reason);
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

    /// <summary>A connector whose runtime is <see cref="DockerProbeRuntime"/> (Kolla.Docker's runtime is wired at merge).</summary>
    public SshHostConnector Connector(SshExecutorOptions options) =>
        new(options, (docker, host) => new DockerProbeRuntime(docker, host));

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
