namespace Kolla.TestKit;

/// <summary>One extra "host" made by <see cref="NamespaceHosts"/>: a network namespace with its own sshd.</summary>
/// <param name="Name">The short name, <c>h1</c>, <c>h2</c>, … (use it as the inventory host name).</param>
/// <param name="Namespace">The network namespace, <c>kt-&lt;runId&gt;-hN</c>.</param>
/// <param name="Address">The host's address on the private /24 (its <c>eth0</c>).</param>
/// <param name="SshPort">The sshd port (22).</param>
/// <param name="DockerHost">The host's own Docker engine (<c>unix://…</c>, reachable from the root namespace too), or null without one.</param>
/// <param name="HostKey">The sshd's host key.</param>
public sealed record NamespaceHost(string Name, string Namespace, string Address, int SshPort, string? DockerHost, SshPublicKey HostKey)
{
    /// <summary>Gets the network interface carrying <see cref="Address"/> inside the namespace.</summary>
    public string Interface => "eth0";

    /// <summary>Gets the known_hosts line for this host.</summary>
    public string KnownHostsLine => HostKey.ToKnownHostsLine(Address, SshPort);
}
