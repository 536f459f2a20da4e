using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>What one SSH login needs: the host's settings and credentials, its known_hosts and host key decision, and the
/// endpoint actually dialled (the host itself, or the local end of a jump host's forward).</summary>
internal sealed record SshLogin(SshHostSettings Settings, SshCredentials Credentials, KnownHosts KnownHosts, HostKeyCheck HostKeys, string Host, int Port, TimeSpan Timeout)
{
    /// <summary>A new SSH.NET connection description (each client needs its own).</summary>
    public ConnectionInfo ConnectionInfo()
    {
        var info = new ConnectionInfo(Host, Port, Settings.User, Credentials.Methods(Settings.User)) { Timeout = Timeout };
        // Host keys are looked up under the host's own name and port, also through a jump host.
        HostKeyAlgorithmOrder.Apply(info, KnownHosts.GetKnownKeyTypes(Settings.Address, Settings.Port));
        KeyExchangeOrder.Apply(info);
        return info;
    }
}
