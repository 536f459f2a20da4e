using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Kolla.Ssh;

/// <summary>Helpers for SSH public key blobs (the wire format that known_hosts lines carry in Base64).</summary>
internal static class SshKeyBlob
{
    /// <summary>The key type named inside the blob (its first string), e.g. <c>ssh-ed25519</c>; null when malformed.</summary>
    public static string? TryGetKeyType(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        if (length == 0 || length > 64 || length > blob.Length - 4)
        {
            return null;
        }

        var name = blob.Slice(4, (int)length);
        foreach (var b in name)
        {
            if (b < 0x21 || b > 0x7e)
            {
                return null;
            }
        }

        return Encoding.ASCII.GetString(name);
    }

    /// <summary>OpenSSH's SHA-256 fingerprint: <c>SHA256:</c> and unpadded Base64.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> blob) =>
        "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
}
