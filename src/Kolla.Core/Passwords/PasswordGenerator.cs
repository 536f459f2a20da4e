using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Kolla.Passwords;

/// <summary>Generates each kind of value kolla-genpwd puts in <c>passwords.yml</c>, from the OS CSPRNG.</summary>
public sealed class PasswordGenerator
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string PasswordAlphabet = Letters + "0123456789";
    private const string SaltAlphabet = PasswordAlphabet + "./";

    /// <summary>RSA key size for SSH keys (kolla-genpwd: 4096).</summary>
    public int SshKeyBits { get; init; } = 4096;

    /// <summary>A value of the given kind, in the shape <c>passwords.yml</c> stores it (SSH keys as a mapping).</summary>
    public object? Generate(PasswordKind kind) => kind switch
    {
        PasswordKind.Password => GeneratePassword(),
        PasswordKind.Uuid => GenerateUuid(),
        PasswordKind.HmacMd5 => GenerateHmacMd5(),
        PasswordKind.FernetKey => GenerateFernetKey(),
        PasswordKind.BcryptSalt => GenerateBcryptSalt(),
        PasswordKind.SshKeyPair => ToMapping(GenerateSshKeyPair()),
        PasswordKind.AlwaysBlank => null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Random letters and digits (40 by default).</summary>
    public string GeneratePassword(int length = PasswordCatalog.PasswordLength) => RandomNumberGenerator.GetString(PasswordAlphabet, length);

    /// <summary>A random (version 4) UUID, lowercase with dashes.</summary>
    public string GenerateUuid() => Guid.NewGuid().ToString("D");

    /// <summary>32 lowercase hex digits: HMAC-MD5 over an empty message, keyed with a random UUID (kolla-genpwd's recipe).</summary>
    public string GenerateHmacMd5()
    {
#pragma warning disable CA5351 // MD5 is what kolla-genpwd uses for these keys; the output is just a random token.
        var digest = HMACMD5.HashData(Encoding.UTF8.GetBytes(GenerateUuid()), Array.Empty<byte>());
#pragma warning restore CA5351
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>A Fernet key: URL-safe base64 of 32 random bytes, with padding.</summary>
    public string GenerateFernetKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_');

    /// <summary>A bcrypt salt: 22 characters of <c>[A-Za-z0-9./]</c> (Ansible's <c>random_salt</c>).</summary>
    public string GenerateBcryptSalt() => RandomNumberGenerator.GetString(SaltAlphabet, 22);

    /// <summary>An RSA key pair: unencrypted PKCS#8 PEM private key, <c>ssh-rsa</c> public key without a comment.</summary>
    public SshKeyPair GenerateSshKeyPair()
    {
        using var rsa = RSA.Create(SshKeyBits);
        var pem = rsa.ExportPkcs8PrivateKeyPem().ReplaceLineEndings("\n") + "\n";
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        using var blob = new MemoryStream();
        WriteString(blob, Encoding.ASCII.GetBytes("ssh-rsa"));
        WriteString(blob, MultiPrecision(parameters.Exponent!));
        WriteString(blob, MultiPrecision(parameters.Modulus!));
        return new SshKeyPair(new Secret(pem), "ssh-rsa " + Convert.ToBase64String(blob.ToArray()));
    }

    internal static OrderedDictionary<string, object?> ToMapping(SshKeyPair pair) => new(StringComparer.Ordinal)
    {
        ["private_key"] = pair.PrivateKey.Reveal(),
        ["public_key"] = pair.PublicKey,
    };

    private static byte[] MultiPrecision(byte[] unsignedBigEndian)
    {
        var start = 0;
        while (start < unsignedBigEndian.Length - 1 && unsignedBigEndian[start] == 0)
        {
            start++;
        }

        var trimmed = unsignedBigEndian[start..];
        return trimmed[0] >= 0x80 ? [0, .. trimmed] : trimmed;
    }

    private static void WriteString(Stream stream, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        stream.Write(length);
        stream.Write(data);
    }
}
