using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>
/// Orders the key exchange algorithms offered to the server: the hybrid post-quantum ML-KEM exchange first (OpenSSH 9.9
/// and later), then Curve25519, and the Streamlined NTRU Prime hybrid (<c>sntrup761x25519-sha512</c>, the default of
/// OpenSSH 9.0 to 9.8) last. SSH.NET computes NTRU Prime in managed code at several hundred milliseconds of CPU per
/// connection, which dominated a no-op run over a few hosts; ML-KEM and Curve25519 cost about a millisecond. A server
/// that offers only NTRU Prime still gets it.
/// </summary>
internal static class KeyExchangeOrder
{
    public static void Apply(ConnectionInfo info)
    {
        var algorithms = info.KeyExchangeAlgorithms;
        foreach (var name in algorithms.Keys.Where(k => k.StartsWith("sntrup", StringComparison.Ordinal)).ToList())
        {
            algorithms.SetPosition(name, algorithms.Count - 1);
        }
    }
}
