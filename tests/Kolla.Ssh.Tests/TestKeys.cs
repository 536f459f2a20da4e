using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Kolla.Tests;

/// <summary>Well-formed SSH public key blobs with random key material (the reader compares blobs; it does no key math).</summary>
internal static class TestKeys
{
    public static byte[] Ed25519() => Blob(Str("ssh-ed25519"), Str(RandomNumberGenerator.GetBytes(32)));

    public static byte[] Ecdsa256() =>
        Blob(Str("ecdsa-sha2-nistp256"), Str("nistp256"), Str([0x04, .. RandomNumberGenerator.GetBytes(64)]));

    public static byte[] Rsa() => Blob(Str("ssh-rsa"), Str([0x01, 0x00, 0x01]), Str([0x00, .. RandomNumberGenerator.GetBytes(256)]));

    public static string Base64(byte[] blob) => Convert.ToBase64String(blob);

    public static string TypeOf(byte[] blob) => Encoding.ASCII.GetString(blob, 4, BinaryPrimitives.ReadInt32BigEndian(blob));

    /// <summary>A known_hosts line: <c>hosts type base64</c>.</summary>
    public static string Line(string hosts, byte[] blob) => $"{hosts} {TypeOf(blob)} {Base64(blob)}";

    private static byte[] Str(string text) => Str(Encoding.ASCII.GetBytes(text));

    private static byte[] Str(byte[] data)
    {
        var result = new byte[4 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(result, data.Length);
        data.CopyTo(result, 4);
        return result;
    }

    private static byte[] Blob(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
