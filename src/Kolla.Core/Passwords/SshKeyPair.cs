namespace Kolla.Passwords;

/// <summary>An SSH key pair as kolla-genpwd stores it: PKCS#8 PEM private key, OpenSSH public key.</summary>
/// <param name="PrivateKey">The unencrypted PKCS#8 PEM private key.</param>
/// <param name="PublicKey">The public key line, <c>ssh-rsa AAAA...</c> without a comment.</param>
public sealed record SshKeyPair(Secret PrivateKey, string PublicKey);
