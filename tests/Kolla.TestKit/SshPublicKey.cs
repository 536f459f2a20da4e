using System.Security.Cryptography;

namespace Kolla.TestKit;

/// <summary>An OpenSSH public key (<c>ssh-ed25519 AAAA…</c>), as a host key to verify against.</summary>
/// <param name="Algorithm">The key type, e.g. <c>ssh-ed25519</c>.</param>
/// <param name="Base64Blob">The key blob, base64 as in a <c>.pub</c> file.</param>
public sealed record SshPublicKey(string Algorithm, string Base64Blob)
{
    /// <summary>
    /// Gets the SHA-256 fingerprint as OpenSSH prints it after <c>SHA256:</c> (unpadded base64); SSH.NET's
    /// <c>HostKeyEventArgs.FingerPrintSHA256</c> has the same form.
    /// </summary>
    public string FingerprintSha256 =>
        Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(Base64Blob))).TrimEnd('=');

    /// <summary>Parses the first two fields of a <c>.pub</c> file or known_hosts key part.</summary>
    /// <param name="line">For example <c>ssh-ed25519 AAAAC3Nza… comment</c>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The line is not an OpenSSH public key.</exception>
    public static SshPublicKey Parse(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (fields.Length < 2 || !fields[0].StartsWith("ssh-", StringComparison.Ordinal))
        {
            throw new FormatException($"Not an OpenSSH public key: {line}");
        }

        _ = Convert.FromBase64String(fields[1]);
        return new SshPublicKey(fields[0], fields[1]);
    }

    /// <summary>Reads the key from a <c>.pub</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The key.</returns>
    public static SshPublicKey FromFile(string path) => Parse(File.ReadAllText(path));

    /// <summary>The known_hosts line for this key on <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <param name="host">The address clients connect to.</param>
    /// <param name="port">The port (22 gives the bare host form).</param>
    /// <returns>For example <c>[127.0.0.1]:2222 ssh-ed25519 AAAA…</c>.</returns>
    public string ToKnownHostsLine(string host, int port) =>
        port == 22 ? $"{host} {this}" : $"[{host}]:{port} {this}";

    /// <summary>Returns the key in <c>.pub</c> form without comment.</summary>
    /// <returns><c>ALGORITHM BASE64</c>.</returns>
    public override string ToString() => $"{Algorithm} {Base64Blob}";
}
