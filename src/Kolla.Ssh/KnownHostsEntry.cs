using System.Security.Cryptography;
using System.Text;

namespace Kolla.Ssh;

/// <summary>One usable line of a known_hosts file.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Marker">None, <c>@revoked</c> or <c>@cert-authority</c>.</param>
/// <param name="Hosts">The host field as written: a pattern list, or one hashed name <c>|1|salt|hmac</c>.</param>
/// <param name="KeyType">Key type field, e.g. <c>ssh-ed25519</c>.</param>
/// <param name="Key">The decoded key blob.</param>
internal sealed record KnownHostsEntry(int Line, KnownHostsMarker Marker, string Hosts, string KeyType, byte[] Key)
{
    private const string HashMagic = "|1|";

    /// <summary>True when the host field is a hashed name (<c>ssh-keygen -H</c>).</summary>
    public bool IsHashed => Hosts.StartsWith(HashMagic, StringComparison.Ordinal);

    /// <summary>Whether this line applies to <paramref name="lookupName"/> (already lower-cased, <c>[host]:port</c> for non-22 ports).</summary>
    public bool MatchesHost(string lookupName)
    {
        if (!IsHashed)
        {
            return HostPatternMatcher.MatchesList(lookupName, Hosts);
        }

        // |1|base64(salt)|base64(HMAC-SHA1(key: salt, data: name))
        var parts = Hosts[HashMagic.Length..].Split('|');
        if (parts.Length != 2)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[0]);
            var expected = Convert.FromBase64String(parts[1]);
            var actual = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(lookupName));
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
