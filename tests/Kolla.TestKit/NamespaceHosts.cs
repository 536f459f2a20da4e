using System.Globalization;

namespace Kolla.TestKit;

/// <summary>
/// N extra hosts as network namespaces, so multi-host deploys cross a real network boundary. Made by
/// <c>tests/infra/start-netns-hosts.sh</c>:
/// <list type="bullet">
/// <item>namespace <c>kt-&lt;runId&gt;-hN</c>, with <c>lo</c> up and <c>eth0</c> at <c>10.231.X.(10+N)/24</c>;</item>
/// <item>one bridge <c>kt&lt;runId&gt;br</c> in the root namespace holding <c>10.231.X.1/24</c> (X: a /24 of
/// 10.231.0.0/16 no interface uses yet), with each host's veth peer <c>kt&lt;runId&gt;hN</c> on it, so hosts
/// reach each other and the root namespace reaches them; no default route, no forwarding, no NAT;</item>
/// <item>an sshd on <c>Address:22</c> inside each namespace with its own ed25519 host key, all accepting
/// <see cref="ClientKeyPath"/> for root;</item>
/// <item>optionally (<c>withDocker</c>) a private Docker engine per host started inside its namespace,
/// holding the busybox test image; SSH sessions see <c>DOCKER_HOST</c> = that engine, and containers with
/// <c>--net host</c> see the namespace's <c>eth0</c>.</item>
/// </list>
/// Dispose stops the processes by PID and deletes namespaces, veths and the bridge.
/// </summary>
public sealed class NamespaceHosts : IAsyncDisposable
{
    private readonly RunDirectory _dir;

    private NamespaceHosts(RunDirectory dir, string runId, string subnet, IReadOnlyList<NamespaceHost> hosts)
    {
        _dir = dir;
        RunId = runId;
        Subnet = subnet;
        Hosts = hosts;
    }

    /// <summary>Gets the run id in every name.</summary>
    public string RunId { get; }

    /// <summary>Gets the private network, e.g. <c>10.231.17.0/24</c>.</summary>
    public string Subnet { get; }

    /// <summary>Gets the root namespace's address on <see cref="Subnet"/> (the bridge, <c>.1</c>).</summary>
    public string GatewayAddress => Subnet[..Subnet.LastIndexOf('.')] + ".1";

    /// <summary>Gets the hosts, <c>h1</c> first.</summary>
    public IReadOnlyList<NamespaceHost> Hosts { get; }

    /// <summary>Gets the user to log in as on every host.</summary>
    public string User => "root";

    /// <summary>Gets the client private key every host accepts.</summary>
    public string ClientKeyPath => Path.Combine(_dir.Path, "client_key");

    /// <summary>Gets a known_hosts file with every host's key.</summary>
    public string KnownHostsPath => Path.Combine(_dir.Path, "known_hosts");

    /// <summary>Gets the host named <paramref name="name"/> (<c>h1</c>, …).</summary>
    /// <param name="name">The host's short name.</param>
    /// <returns>The host.</returns>
    public NamespaceHost this[string name] => Hosts.Single(h => h.Name == name);

    /// <summary>Creates <paramref name="count"/> hosts.</summary>
    /// <param name="count">How many (1–200).</param>
    /// <param name="withDocker">Whether each host gets its own Docker engine with the test image.</param>
    /// <param name="withPodman">Whether each host gets its own Podman API service (and no Docker) with the test image;
    /// <see cref="NamespaceHost.DockerHost"/> is its socket.</param>
    /// <param name="cancellationToken">Cancels the set-up (what was made is removed).</param>
    /// <returns>The hosts, ready for SSH.</returns>
    /// <exception cref="TestRigUnavailableException">Not root, or iproute2/sshd/dockerd/podman missing or failing.</exception>
    public static async Task<NamespaceHosts> CreateAsync(int count, bool withDocker = false, bool withPodman = false, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 200);
        if (!TestRig.IsRoot)
        {
            throw TestRig.Unavailable($"Network-namespace hosts need root, and this process is not root; {TestRig.InstallHint}.");
        }

        var runId = TestRig.NewRunId();
        var dir = await RunDirectory.CreateAsync(runId, "hosts", cancellationToken);
        try
        {
            string[] arguments = (withDocker, withPodman) switch
            {
                (true, _) => [dir.Path, runId, count.ToString(CultureInfo.InvariantCulture), "--docker"],
                (_, true) => [dir.Path, runId, count.ToString(CultureInfo.InvariantCulture), "--podman"],
                _ => [dir.Path, runId, count.ToString(CultureInfo.InvariantCulture)],
            };
            var started = await ExternalCommand.RunInfraScriptAsync("start-netns-hosts.sh", arguments, cancellationToken: cancellationToken);
            if (!started.Succeeded)
            {
                throw TestRig.Unavailable($"Could not create {count} network-namespace hosts ({started.StandardError.Trim()}); {TestRig.InstallHint}.");
            }

            var subnet = (await File.ReadAllTextAsync(Path.Combine(dir.Path, "subnet"), cancellationToken)).Trim();
            var hosts = (await File.ReadAllLinesAsync(Path.Combine(dir.Path, "hosts.tsv"), cancellationToken))
                .Where(line => line.Length > 0)
                .Select(ParseHost)
                .ToArray();
            return new NamespaceHosts(dir, runId, subnet, hosts);
        }
        catch
        {
            await dir.CleanupAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Runs a program inside a host's network namespace (<c>ip netns exec</c>), as root, without SSH.</summary>
    /// <param name="host">The host.</param>
    /// <param name="command">The program and its arguments.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code and output.</returns>
    public static Task<CommandResult> ExecAsync(NamespaceHost host, IEnumerable<string> command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return ExternalCommand.RunAsync("ip", ["netns", "exec", host.Namespace, .. command], cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Kills every SSH session of one host (its sshd's per-connection processes, with their commands), as a dropped
    /// network connection would; the listener keeps running, so clients can connect again.
    /// </summary>
    /// <param name="host">The host.</param>
    /// <param name="cancellationToken">Stops waiting for the sessions to end.</param>
    /// <returns>How many sessions were killed.</returns>
    /// <exception cref="InvalidOperationException">The host's sshd is not running.</exception>
    public Task<int> KillSessionsAsync(NamespaceHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return SshdSessions.KillAsync(Path.Combine(_dir.Path, host.Name, "ssh"), cancellationToken);
    }

    /// <summary>Stops every process by PID and removes the namespaces, veths and bridge.</summary>
    /// <returns>A task that completes when everything is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _dir.CleanupAsync(timeout.Token);
    }

    private static NamespaceHost ParseHost(string line)
    {
        var fields = line.Split('\t');
        return new NamespaceHost(
            Name: fields[0],
            Namespace: fields[1],
            Address: fields[2],
            SshPort: 22,
            DockerHost: fields[3] == "-" ? null : fields[3],
            HostKey: SshPublicKey.Parse(fields[4]));
    }
}
