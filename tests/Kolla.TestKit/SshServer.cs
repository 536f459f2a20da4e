using System.Globalization;

namespace Kolla.TestKit;

/// <summary>
/// A private OpenSSH server: <c>/usr/sbin/sshd -D -e -f &lt;dir&gt;/sshd_config</c> started by
/// <c>tests/infra/start-sshd.sh</c> with a fresh ed25519 host key and client key, key login for root only
/// (<c>PermitRootLogin yes</c>, <c>UsePAM no</c>, <c>StrictModes no</c>), its own pid file, and SFTP.
/// Stopped by PID on dispose.
/// </summary>
public sealed class SshServer : IAsyncDisposable
{
    private readonly RunDirectory _dir;

    private SshServer(RunDirectory dir, string host, int port, string? dockerHost)
    {
        _dir = dir;
        Host = host;
        Port = port;
        DockerHost = dockerHost;
        Directory = Path.Combine(dir.Path, "ssh");
        HostKey = SshPublicKey.FromFile(Path.Combine(Directory, "host_key.pub"));
    }

    /// <summary>Gets the address the server listens on.</summary>
    public string Host { get; }

    /// <summary>Gets the port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Gets the user to log in as (<c>root</c>: the tests run as root).</summary>
    public string User => "root";

    /// <summary>Gets the directory holding the server's config, keys and log.</summary>
    public string Directory { get; }

    /// <summary>Gets the client's private key (OpenSSH format, no passphrase).</summary>
    public string ClientKeyPath => Path.Combine(Directory, "client_key");

    /// <summary>Gets the server's host key.</summary>
    public SshPublicKey HostKey { get; }

    /// <summary>Gets the server's host key in <c>.pub</c> form (<c>ssh-ed25519 AAAA…</c>).</summary>
    public string HostPublicKey => HostKey.ToString();

    /// <summary>Gets the known_hosts line for this server.</summary>
    public string KnownHostsLine => HostKey.ToKnownHostsLine(Host, Port);

    /// <summary>Gets a known_hosts file holding <see cref="KnownHostsLine"/>.</summary>
    public string KnownHostsPath => Path.Combine(Directory, "known_hosts");

    /// <summary>Gets the <c>DOCKER_HOST</c> sessions see, if one was set.</summary>
    public string? DockerHost { get; }

    /// <summary>Starts a server.</summary>
    /// <param name="options">Where to listen and what sessions see.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="TestRigUnavailableException">sshd is missing or did not start.</exception>
    public static async Task<SshServer> StartAsync(SshServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!TestRig.IsRoot)
        {
            throw TestRig.Unavailable($"A private sshd for root logins needs root, and this process is not root; {TestRig.InstallHint}.");
        }

        var dir = await RunDirectory.CreateAsync(TestRig.NewRunId(), "ssh", cancellationToken);
        var started = await ExternalCommand.RunInfraScriptAsync(
            "start-sshd.sh",
            [Path.Combine(dir.Path, "ssh"), options.ListenAddress, options.Port.ToString(CultureInfo.InvariantCulture)],
            new Dictionary<string, string?> { ["KT_SSHD_DOCKER_HOST"] = options.DockerHost, ["KT_SSHD_NO_SFTP"] = options.WithoutSftp ? "1" : null, ["KT_SSHD_NO_STREAMLOCAL"] = options.WithoutStreamLocalForwarding ? "1" : null, ["KT_SSHD_PASSWORD_AUTH"] = options.PasswordAuthentication ? "1" : null },
            cancellationToken);
        if (!started.Succeeded)
        {
            await dir.CleanupAsync(CancellationToken.None);
            throw TestRig.Unavailable($"Could not start a private sshd ({started.StandardError.Trim()}); {TestRig.InstallHint}.");
        }

        var fields = started.StandardOutput.Trim().Split(' ');
        return new SshServer(dir, fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture), options.DockerHost);
    }

    /// <summary>
    /// Kills every session of this server (the per-connection sshd processes under the listener, with their
    /// commands), as a dropped network connection would; the listener keeps running, so clients can connect again.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the sessions to end.</param>
    /// <returns>How many sessions were killed.</returns>
    /// <exception cref="InvalidOperationException">The server's listener is not running.</exception>
    public Task<int> KillSessionsAsync(CancellationToken cancellationToken = default) => SshdSessions.KillAsync(Directory, cancellationToken);

    /// <summary>
    /// Cuts every connection of this server as a network failure would: kills the per-connection sshd processes but not the
    /// commands they started, which live on and see their input end (no terminal, so no hang-up signal reaches them).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the sshd processes to end.</param>
    /// <returns>How many sshd processes were killed.</returns>
    /// <exception cref="InvalidOperationException">The server's listener is not running.</exception>
    public Task<int> CutConnectionsAsync(CancellationToken cancellationToken = default) => SshdSessions.CutAsync(Directory, cancellationToken);

    /// <summary>Stops the server by PID and deletes its directory.</summary>
    /// <returns>A task that completes when it is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _dir.CleanupAsync(timeout.Token);
    }
}
