using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>The forwards that carry a connection through <c>ProxyJump</c> hosts.</summary>
/// <remarks>ssh(1) runs <c>ssh -W host:port jump</c> and speaks to the target over its stdin/stdout; SSH.NET can only dial
/// a TCP endpoint, so each hop gets a local forward on 127.0.0.1 (a free port) to the next host, opened as a
/// <c>direct-tcpip</c> channel by the hop: the next host's name is resolved and reached from the hop's side.</remarks>
internal static class SshJumpTunnel
{
    /// <summary>Starts a forward from a free port on 127.0.0.1 through <paramref name="client"/> to <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <returns>The local endpoint to dial.</returns>
    public static (string Host, int Port) Forward(SshClient client, string host, int port, List<IDisposable> owned)
    {
        var forward = new ForwardedPortLocal("127.0.0.1", 0, host, (uint)port);
        client.AddForwardedPort(forward);
        owned.Add(forward);
        forward.Start();
        return ("127.0.0.1", (int)forward.BoundPort);
    }

    /// <summary>Disposes what a connection owns, last first (forwards before the clients that carry them).</summary>
    public static void DisposeAll(List<IDisposable> owned)
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            try
            {
                owned[i].Dispose();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or IOException)
            {
                // Already closed with its client.
            }
        }

        owned.Clear();
    }
}
