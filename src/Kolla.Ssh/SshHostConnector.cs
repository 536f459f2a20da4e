using System.Collections.Concurrent;
using System.Net.Sockets;
using Docker.DotNet;
using Kolla.Docker;
using Kolla.Facts;
using Kolla.Hosts;
using Kolla.Inventory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Kolla.Ssh;

/// <summary>Connects to inventory hosts over SSH: one connection per host for commands, file state and Docker.</summary>
/// <remarks>
/// <para>Each <see cref="ConnectAsync"/> opens a new connection (so a host whose connection was lost is reached again by
/// connecting again); the caller owns and disposes the returned <see cref="IHostConnection"/>. The host key is checked
/// against <see cref="SshExecutorOptions.KnownHostsFile"/> (<see cref="KnownHosts"/>): a changed or revoked key is always
/// refused, an unknown one unless <see cref="SshExecutorOptions.AcceptUnknownHostKeys"/> is set.</para>
/// <para>Files: see <c>SshHostFiles</c> (SFTP temp + rename; sudo commands with become). Docker: the engine API through
/// <c>docker system dial-stdio</c> on the target (<see cref="SshDockerClientFactory"/>), or, for a host whose
/// <c>kolla_docker_host</c> (else <see cref="SshExecutorOptions.DockerHost"/>) is a <c>unix://</c> socket, through sshd's
/// own channel to that socket (<c>direct-streamlocal@openssh.com</c>: no login shell; dial-stdio when sshd refuses it), wrapped by the container runtime
/// the constructor's factory builds (e.g. Kolla.Docker's runtime over the given <see cref="DockerClient"/>); the
/// connection disposes the Docker client. A host with <c>kolla_container_engine: podman</c> is reached the same way through
/// <c>podman system dial-stdio</c> to Podman's API service (<see cref="SshPodmanApi"/>). A lost connection makes every later call fail with
/// <see cref="HostUnreachableException"/> naming the host.</para>
/// <para>SSH.NET runs SFTP on a separate client, so a host without become gets a second TCP connection for SFTP, opened on
/// the first file write or read (a run that changes no file never opens it). Counterpart of Ansible's ssh connection
/// plugin with <c>host_key_checking</c> on.</para>
/// </remarks>
/// <example>
/// <code>
/// var connector = SshHostConnector.Create(new SshExecutorOptions { User = "root", PrivateKeyFile = "~/.ssh/id_ed25519" });
/// await using IHostConnection node = await connector.ConnectAsync(new HostTarget("node1", "10.0.0.11"), cancellationToken);
/// var state = await node.Files.ReadTreeStateAsync("/etc/kolla", cancellationToken);
/// </code>
/// </example>
public sealed class SshHostConnector : IHostConnector, IHostFactsGatherer, IAsyncDisposable
{
    private readonly SshExecutorOptions _options;
    private readonly Func<DockerClient, string, SshPodmanApi?, IContainerRuntime> _containerRuntimeFactory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _knownHostsWrite = new(1, 1);
    private readonly ConcurrentDictionary<string, IHostConnection> _gathered = new(StringComparer.Ordinal);
    private readonly Lock _configGate = new();
    private readonly PassphraseCache _passphrases;
    private SshConfigFile? _config;

    /// <summary>Creates the connector.</summary>
    /// <param name="options">SSH settings; validated here.</param>
    /// <param name="containerRuntimeFactory">Builds a host's container runtime from its tunnelled Docker client and inventory
    /// name. The runtime must not dispose the client; the connection does. For a Podman host the client speaks to Podman's
    /// Docker-compatible API; the Podman differences are the runtime's to apply.</param>
    /// <param name="loggerFactory">Logging, or none.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SshHostConnector(
        SshExecutorOptions options,
        Func<DockerClient, string, IContainerRuntime> containerRuntimeFactory,
        ILoggerFactory? loggerFactory = null)
        : this(options, Ignoring(containerRuntimeFactory), loggerFactory)
    {
    }

    private SshHostConnector(
        SshExecutorOptions options,
        Func<DockerClient, string, SshPodmanApi?, IContainerRuntime> containerRuntimeFactory,
        ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(containerRuntimeFactory);
        options.Validate();
        _options = options;
        _passphrases = new PassphraseCache(options.KeyPassphrase);
        _containerRuntimeFactory = containerRuntimeFactory;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Kolla.Ssh");
    }

    /// <summary>
    /// Creates a connector whose hosts' containers are run by Kolla.Docker's <see cref="DockerContainerRuntime"/> over the
    /// tunnelled Docker client (the connection owns and disposes the client); for a host with
    /// <c>kolla_container_engine: podman</c>, over Podman's API through <c>podman system dial-stdio</c>, with the Podman
    /// differences of the local executor.
    /// </summary>
    /// <param name="options">SSH settings; validated here.</param>
    /// <param name="loggerFactory">Logging for the connection and the runtime, or none.</param>
    /// <param name="runtimeOptions">Runtime settings (retries, timeouts, time zone injected as <c>TZ</c>); the endpoint and
    /// API version are the tunnelled client's, so <see cref="DockerRuntimeOptions.Endpoint"/> is ignored. Null for defaults.</param>
    /// <param name="timeProvider">Clock for the runtime's retry delays and timeouts; null for the system clock.</param>
    /// <returns>The connector.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An SSH option is out of range (runtime options are checked when a host is connected).</exception>
    public static SshHostConnector Create(
        SshExecutorOptions options,
        ILoggerFactory? loggerFactory = null,
        DockerRuntimeOptions? runtimeOptions = null,
        TimeProvider? timeProvider = null)
    {
        var runtimeLogger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DockerContainerRuntime>();
        var settings = runtimeOptions?.Clone();
        return new SshHostConnector(
            options,
            (docker, host, podman) =>
            {
                var hostSettings = settings;
                if (podman is not null)
                {
                    hostSettings = (settings ?? new DockerRuntimeOptions()).Clone();
                    hostSettings.Podman = true;
                    hostSettings.PodmanApiHandler = podman.CreateHandler;
                }

                return DockerContainerRuntime.FromClient(docker, host, hostSettings, runtimeLogger, timeProvider, ownsClient: false);
            },
            loggerFactory);
    }

    /// <inheritdoc/>
    /// <exception cref="HostUnreachableException">TCP connect, host key check, authentication or the Docker check failed.</exception>
    /// <exception cref="HostExecutionException">The host's variables ask for something unsupported (become method, key file).</exception>
    public async ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_gathered.TryRemove(target.Name, out var kept))
        {
            // The connection that gathered the facts: its login already read the directory ahead.
            if (kept is SshHostConnection { Session.IsAlive: true } alive && alive.Session.ReadAheadDirectory == TreeReadAhead.DirectoryOf(target.ReadAheadDirectory))
            {
                return kept;
            }

            await kept.DisposeAsync().ConfigureAwait(false);
        }

        return await OpenAsync(target, withFacts: false, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// For a host that runs containers the facts script rides in the same remote command as the first Docker connection
    /// and the directory read-ahead (one login), and the connection is kept for the next <see cref="ConnectAsync"/> of the
    /// host; a host that runs nothing gets one command and is disconnected.
    /// </remarks>
    public async ValueTask<HostFacts> GatherFactsAsync(HostTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var connection = (SshHostConnection)await OpenAsync(target, withFacts: target.NeedsContainerEngine, cancellationToken).ConfigureAwait(false);
        var keep = false;
        try
        {
            var session = connection.Session;
            var output = session.ReadAhead is { } ahead ? await ahead.TakeFactsAsync(session.CommandTimeout, cancellationToken).ConfigureAwait(false) : null;
            output ??= (await session.RunAsync(RemoteFactsScript.Script, cancellationToken).ConfigureAwait(false))
                .EnsureSuccess(target.Name, "gathering facts").Output;
            var facts = RemoteFactsScript.Parse(target.Name, output);
            if (target.NeedsContainerEngine)
            {
                if (_gathered.TryRemove(target.Name, out var previous))
                {
                    await previous.DisposeAsync().ConfigureAwait(false);
                }

                _gathered[target.Name] = connection;
                keep = true;
            }

            return facts;
        }
        finally
        {
            if (!keep)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Closes the connections kept from fact gathering that no <see cref="ConnectAsync"/> claimed.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var name in _gathered.Keys.ToList())
        {
            if (_gathered.TryRemove(name, out var connection))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static Func<DockerClient, string, SshPodmanApi?, IContainerRuntime> Ignoring(Func<DockerClient, string, IContainerRuntime> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return (docker, host, _) => factory(docker, host);
    }

    private async Task<IHostConnection> OpenAsync(HostTarget target, bool withFacts, CancellationToken cancellationToken)
    {
        var config = Config(target.Name);
        var settings = SshHostSettings.Resolve(target, _options, config);
        var podman = SshPodmanApi.IsPodman(target);
        var engineHost = SshPodmanApi.EngineHost(target) ?? (podman ? null : _options.DockerHost);
        var owned = new List<IDisposable>();
        SshClient? ssh = null;
        SshSession? session = null;
        DockerClient? docker = null;
        try
        {
            var (host, port) = await OpenJumpsAsync(settings, config, owned, cancellationToken).ConfigureAwait(false);
            var login = await PrepareLoginAsync(settings, host, port, owned, cancellationToken).ConfigureAwait(false);
            ssh = new SshClient(login.ConnectionInfo()) { KeepAliveInterval = KeepAlive };
            ssh.HostKeyReceived += login.HostKeys.OnHostKeyReceived;
            await ConnectClientAsync(login, ssh, cancellationToken).ConfigureAwait(false);
            await AddAcceptedKeysAsync(settings, login.HostKeys, cancellationToken).ConfigureAwait(false);

            var become = await SudoProbe.RunAsync(settings, ssh, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            settings = settings with { Become = become };
            Func<CancellationToken, Task<SftpClient>>? connectSftp = become.Enabled
                ? null
                : token => ConnectSftpAsync(login, token);
            // The first dial-stdio connection reads the directory ahead (built then: through the socket channel no shell carries it).
            var readAhead = become.ReadsPassword ? null : TreeReadAhead.DirectoryOf(target.ReadAheadDirectory);
            var dockerOptions = CreateDockerOptions(settings, engineHost, podman);
            var transport = new SshDockerHandlerFactory(ssh, dockerOptions, readAhead is null ? null : () => new TreeReadAhead(readAhead, become, withFacts));
            session = new SshSession(settings.Name, ssh, connectSftp, become, _options.CommandTimeout, _logger) { ReadAheadDirectory = readAhead, Docker = transport };
            docker = SshDockerClientFactory.Create(ssh, dockerOptions, _logger, transport);
            if (session.ReadsTreesOverSftp && target.NeedsContainerEngine && target.ReadAheadDirectory is not null)
            {
                // The tree read will go over SFTP, a connection of its own: open it while Docker is checked.
                session.OpenSftpAhead();
            }
            if (_options.VerifyDockerOnConnect && target.NeedsContainerEngine)
            {
                await PingDockerAsync(settings, docker, podman, transport, cancellationToken).ConfigureAwait(false);
            }

            var podmanApi = podman ? new SshPodmanApi(ssh, dockerOptions, _logger) : null;
            var runtime = new SshGuardedContainerRuntime(_containerRuntimeFactory(docker, settings.Name, podmanApi), session);
            _logger.Connected(settings.Name, settings.Address, settings.Port, settings.User);
            return new SshHostConnection(session, new SshHostFiles(session, _logger), runtime, docker, owned);
        }
        catch
        {
            docker?.Dispose();
            if (session is not null)
            {
                session.Dispose();
            }
            else
            {
                ssh?.Dispose();
            }

            SshJumpTunnel.DisposeAll(owned);
            throw;
        }
    }

    /// <summary>The ssh config file, read once per connector; its warnings are logged once.</summary>
    /// <exception cref="HostExecutionException">The file named by the options is missing or cannot be read.</exception>
    private SshConfigFile Config(string host)
    {
        lock (_configGate)
        {
            if (_config is null)
            {
                try
                {
                    _config = _options.SshConfigFile switch
                    {
                        null => SshConfigFile.Load("~/.ssh/config", required: false),
                        "none" => SshConfigFile.None,
                        var path => SshConfigFile.Load(path, required: true),
                    };
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    throw new HostExecutionException(host, $"ssh config (-F): {ex.Message}", ex);
                }

                foreach (var warning in _config.Warnings)
                {
                    _logger.SshConfigWarning(warning);
                }
            }

            return _config;
        }
    }

    /// <summary>Loads what a login to <paramref name="settings"/> needs (known hosts, keys) for the endpoint <paramref name="host"/>:<paramref name="port"/>.</summary>
    private async Task<SshLogin> PrepareLoginAsync(SshHostSettings settings, string host, int port, List<IDisposable> owned, CancellationToken cancellationToken)
    {
        var knownHosts = await KnownHosts.LoadAsync(settings.KnownHostsFile, cancellationToken).ConfigureAwait(false);
        foreach (var warning in knownHosts.Warnings)
        {
            _logger.KnownHostsWarning(warning);
        }

        var credentials = await SshCredentials.LoadAsync(settings, _passphrases.GetAsync, _logger, cancellationToken).ConfigureAwait(false);
        owned.Add(credentials);
        var hostKeys = new HostKeyCheck(settings, knownHosts, settings.AcceptUnknownHostKeys);
        return new SshLogin(settings, credentials, knownHosts, hostKeys, host, port, _options.ConnectTimeout);
    }

    /// <summary>
    /// Connects through the settings' <c>ProxyJump</c> hops, each a full SSH login (its own host key check and keys), and
    /// returns the local end of a forward to the target (the last hop's <c>direct-tcpip</c> channel); the target's own
    /// address and port when there are no hops.
    /// </summary>
    private async Task<(string Host, int Port)> OpenJumpsAsync(SshHostSettings settings, SshConfigFile config, List<IDisposable> owned, CancellationToken cancellationToken)
    {
        if (settings.Jumps.Count == 0)
        {
            return (settings.Address, settings.Port);
        }

        var hops = settings.Jumps.Select(j => SshHostSettings.ResolveJump(settings.Name, j, _options, config)).ToList();
        string host = hops[0].Address;
        var port = hops[0].Port;
        for (var i = 0; i < hops.Count; i++)
        {
            var hop = hops[i];
            _logger.Jumping(settings.Name, settings.Jumps[i].ToString(), hop.Address, hop.Port);
            var login = await PrepareLoginAsync(hop, host, port, owned, cancellationToken).ConfigureAwait(false);
            var client = new SshClient(login.ConnectionInfo()) { KeepAliveInterval = KeepAlive };
            owned.Add(client);
            client.HostKeyReceived += login.HostKeys.OnHostKeyReceived;
            await ConnectClientAsync(login, client, cancellationToken).ConfigureAwait(false);
            await AddAcceptedKeysAsync(hop, login.HostKeys, cancellationToken).ConfigureAwait(false);
            var (nextHost, nextPort) = i + 1 < hops.Count ? (hops[i + 1].Address, hops[i + 1].Port) : (settings.Address, settings.Port);
            (host, port) = SshJumpTunnel.Forward(client, nextHost, nextPort, owned);
        }

        return (host, port);
    }

    private TimeSpan KeepAlive => _options.KeepAliveInterval == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : _options.KeepAliveInterval;

    private async Task<SftpClient> ConnectSftpAsync(SshLogin login, CancellationToken cancellationToken)
    {
        var sftp = new SftpClient(login.ConnectionInfo())
        {
            KeepAliveInterval = KeepAlive,
            OperationTimeout = _options.CommandTimeout,
        };
        sftp.HostKeyReceived += login.HostKeys.OnHostKeyReceived;
        try
        {
            await ConnectClientAsync(login, sftp, cancellationToken).ConfigureAwait(false);
            return sftp;
        }
        catch
        {
            sftp.Dispose();
            throw;
        }
    }

    private async Task ConnectClientAsync(SshLogin login, BaseClient client, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await client.ConnectAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not KollaException)
        {
            throw DescribeConnectFailure(login, ex, timeout.IsCancellationRequested);
        }
    }

    private HostUnreachableException DescribeConnectFailure(SshLogin login, Exception exception, bool timedOut)
    {
        var settings = login.Settings;
        var endpoint = $"{settings.Address}:{settings.Port}";
        if (login.HostKeys.Refusal is { } refusal)
        {
            return new HostUnreachableException(settings.Name, $"refusing to connect to {endpoint}: {refusal.Message}", exception);
        }

        var message = exception switch
        {
            _ when timedOut => $"no SSH connection to {endpoint} within {_options.ConnectTimeout.TotalSeconds:0.#} s",
            SshAuthenticationException => $"authentication as '{settings.User}' at {endpoint} failed with " +
                $"{string.Join(", ", login.Credentials.Described)}: {exception.Message} (set ansible_user, --private-key, ansible_ssh_private_key_file or ansible_ssh_pass)",
            SocketException socket => $"cannot connect to {endpoint}: {socket.Message}",
            SshOperationTimeoutException => $"no SSH connection to {endpoint} within {_options.ConnectTimeout.TotalSeconds:0.#} s",
            _ => $"SSH connection to {endpoint} failed: {exception.GetBaseException().Message}",
        };
        return new HostUnreachableException(settings.Name, message, exception);
    }

    private async Task PingDockerAsync(SshHostSettings settings, DockerClient docker, bool podman, SshDockerHandlerFactory transport, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await docker.System.PingAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not KollaException)
        {
            var reason = timeout.IsCancellationRequested
                ? $"no answer within {_options.ConnectTimeout.TotalSeconds:0.#} s"
                : ex.GetBaseException().Message;
            if (reason.Contains("a password is required", StringComparison.Ordinal))
            {
                reason += " (sudo asks for a password: set ansible_become_password)";
            }

            throw new HostUnreachableException(settings.Name, podman
                ? $"the Podman API service is not reachable through 'podman system dial-stdio' on {settings.Address}: {reason} " +
                    "(kolla_container_engine is podman: install podman on the host and enable its API socket, 'systemctl enable --now podman.socket', or set kolla_docker_host)"
                : $"the Docker engine is not reachable through {transport.Route} on {settings.Address}: {reason}", ex);
        }
    }

    private SshDockerTransportOptions CreateDockerOptions(SshHostSettings settings, string? engineHost, bool podman) => new()
    {
        DockerHost = engineHost,
        Podman = podman,
        UseSudo = settings.Become.Enabled,
        SudoUser = settings.Become.User,
        SudoPassword = settings.Become.ReadsPassword ? settings.Become.Password : null,
        ApiVersion = _options.DockerApiVersion,
        MaxConnections = _options.DockerMaxConnections,
        IdleTimeout = _options.DockerIdleTimeout,
        RequestTimeout = _options.DockerRequestTimeout,
    };

    private async Task AddAcceptedKeysAsync(SshHostSettings settings, HostKeyCheck hostKeys, CancellationToken cancellationToken)
    {
        if (hostKeys.AcceptedUnknown is not { } accepted)
        {
            return;
        }

        _logger.AcceptedUnknownHostKey(settings.Name, accepted.Message);
        if (!settings.AddUnknownHostKeys)
        {
            return;
        }

        var path = HomePath.Expand(settings.KnownHostsFile);
        await _knownHostsWrite.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another host (or run) may have added it meanwhile.
            var current = await KnownHosts.LoadAsync(path, cancellationToken).ConfigureAwait(false);
            if (current.Verify(settings.Address, settings.Port, hostKeys.AcceptedKey!).Status != HostKeyStatus.Unknown)
            {
                return;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!Directory.Exists(directory))
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var needsNewline = File.Exists(path) && new FileInfo(path).Length > 0 && !EndsWithNewline(path);
            var line = KnownHosts.FormatLine(settings.Address, settings.Port, hostKeys.AcceptedKey!);
            await File.AppendAllTextAsync(path, (needsNewline ? "\n" : string.Empty) + line + "\n", cancellationToken).ConfigureAwait(false);
            _logger.AddedHostKey(settings.Name, accepted.HostName, path);
        }
        finally
        {
            _knownHostsWrite.Release();
        }
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }
}
