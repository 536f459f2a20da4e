using System.Globalization;

namespace Kolla.TestKit;

/// <summary>
/// Network-namespace hosts (<see cref="NamespaceHosts"/>' layout) that each run a minimal Debian bookworm system of their
/// own, reached over SSH: <c>tests/infra/start-debian-roots.sh</c> gives every host a fresh copy of a debootstrap root
/// (built once by <c>prepare-debian-root.sh</c> and kept under <c>/var/tmp</c>) with an sshd chrooted into it on port
/// 2222, and apt fed by a local repository of the .deb files bootstrap-servers installs. Whatever a client changes over
/// SSH lands in <see cref="DebianRootHost.Root"/>, never on this machine.
/// </summary>
public sealed class DebianRootHosts : IAsyncDisposable
{
    private readonly RunDirectory _dir;

    private DebianRootHosts(RunDirectory dir, IReadOnlyList<DebianRootHost> hosts)
    {
        _dir = dir;
        Hosts = hosts;
    }

    /// <summary>Gets the hosts, <c>h1</c> first.</summary>
    public IReadOnlyList<DebianRootHost> Hosts { get; }

    /// <summary>Gets the client private key every host accepts for root.</summary>
    public string ClientKeyPath => Path.Combine(_dir.Path, "client_key");

    /// <summary>Gets a known_hosts file with every host's key (<c>[address]:2222</c>).</summary>
    public string KnownHostsPath => Path.Combine(_dir.Path, "debian_known_hosts");

    /// <summary>Creates <paramref name="count"/> hosts.</summary>
    /// <param name="count">How many (1–20).</param>
    /// <param name="cancellationToken">Cancels the set-up (what was made is removed).</param>
    /// <returns>The hosts, ready for SSH.</returns>
    /// <exception cref="TestRigUnavailableException">Not root, or debootstrap, the Debian mirror or iproute2/sshd missing.</exception>
    public static async Task<DebianRootHosts> CreateAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 20);
        if (!TestRig.IsRoot)
        {
            throw TestRig.Unavailable($"Debian root hosts need root (namespaces, chroot), and this process is not root; {TestRig.InstallHint}.");
        }

        var runId = TestRig.NewRunId();
        var dir = await RunDirectory.CreateAsync(runId, "debian", cancellationToken);
        try
        {
            var hosts = await ExternalCommand.RunInfraScriptAsync("start-netns-hosts.sh", [dir.Path, runId, count.ToString(CultureInfo.InvariantCulture)], cancellationToken: cancellationToken);
            if (!hosts.Succeeded)
            {
                throw TestRig.Unavailable($"Could not create {count} network-namespace hosts ({hosts.StandardError.Trim()}); {TestRig.InstallHint}.");
            }

            var roots = await ExternalCommand.RunInfraScriptAsync("start-debian-roots.sh", [dir.Path], cancellationToken: cancellationToken);
            if (!roots.Succeeded)
            {
                throw TestRig.Unavailable($"Could not give the hosts a Debian root ({roots.StandardError.Trim()}); tests/infra/prepare-debian-root.sh needs debootstrap, dpkg-dev and the Debian mirror once.");
            }

            var list = (await File.ReadAllLinesAsync(Path.Combine(dir.Path, "debian-hosts.tsv"), cancellationToken))
                .Where(line => line.Length > 0)
                .Select(line => line.Split('\t'))
                .Select(f => new DebianRootHost(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), f[4]))
                .ToArray();
            return new DebianRootHosts(dir, list);
        }
        catch
        {
            await dir.CleanupAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Stops the sshds by PID, unmounts the roots' <c>/proc</c>, removes the namespaces and the roots.</summary>
    /// <returns>A task that completes when everything is gone.</returns>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _dir.CleanupAsync(timeout.Token);
    }
}

/// <summary>One Debian root host.</summary>
/// <param name="Name">Short name (<c>h1</c>, ...).</param>
/// <param name="Namespace">Its network namespace.</param>
/// <param name="Address">Its address on the private bridge.</param>
/// <param name="SshPort">Its chrooted sshd's port (2222).</param>
/// <param name="Root">Its root file system on this machine, for reading what a run changed.</param>
public sealed record DebianRootHost(string Name, string Namespace, string Address, int SshPort, string Root)
{
    /// <summary>A path of the host, as seen on this machine.</summary>
    /// <param name="path">Absolute path on the host.</param>
    /// <returns>The path below <see cref="Root"/>.</returns>
    public string PathOf(string path) => System.IO.Path.Join(Root, path);
}
