using Renci.SshNet;

namespace Kolla.Ssh;

/// <summary>Orders the host key algorithms offered to the server the way ssh does: first those whose key type known_hosts
/// already lists for the host, so a host with several keys presents the one we can check. Certificate algorithms are
/// removed: host certificates (<c>@cert-authority</c>) are not supported, so the server must present a plain key.</summary>
internal static class HostKeyAlgorithmOrder
{
    public static void Apply(ConnectionInfo info, IReadOnlyList<string> knownKeyTypes)
    {
        var algorithms = info.HostKeyAlgorithms;
        foreach (var name in algorithms.Keys.Where(k => k.Contains("-cert-", StringComparison.Ordinal)).ToList())
        {
            algorithms.Remove(name, out _);
        }

        var position = 0;
        foreach (var keyType in knownKeyTypes)
        {
            foreach (var name in algorithms.Keys.Where(a => KeyTypeOf(a) == keyType).ToList())
            {
                algorithms.SetPosition(name, position++);
            }
        }
    }

    /// <summary>The key type an algorithm signs with: the RSA SHA-2 algorithms use <c>ssh-rsa</c> keys.</summary>
    public static string KeyTypeOf(string algorithm) => algorithm switch
    {
        "rsa-sha2-512" or "rsa-sha2-256" => "ssh-rsa",
        _ => algorithm,
    };
}
