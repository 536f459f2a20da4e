namespace Kolla.Passwords;

/// <summary>The kind of value kolla-genpwd generates for a key.</summary>
public enum PasswordKind
{
    /// <summary>40 characters of <c>[A-Za-z0-9]</c> from a CSPRNG (every key not listed elsewhere).</summary>
    Password,

    /// <summary>A random UUID (version 4), lowercase with dashes.</summary>
    Uuid,

    /// <summary>32 lowercase hex digits: HMAC-MD5 of an empty message keyed with a random UUID.</summary>
    HmacMd5,

    /// <summary>A Fernet key: URL-safe base64 (with padding) of 32 random bytes, 44 characters.</summary>
    FernetKey,

    /// <summary>A bcrypt salt: 22 characters of <c>[A-Za-z0-9./]</c>.</summary>
    BcryptSalt,

    /// <summary>An RSA 4096 key pair stored as <c>{private_key, public_key}</c>.</summary>
    SshKeyPair,

    /// <summary>Never generated; stays empty (<c>docker_registry_password</c>).</summary>
    AlwaysBlank,
}
