using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Kolla.Certificates;

/// <summary>
/// Keys, signing requests and certificates shaped as kolla-ansible's <c>certificates</c> role makes them (community.crypto's
/// <c>openssl_privatekey</c>, <c>openssl_csr</c> and <c>x509_certificate</c> with its defaults): RSA keys in PKCS#1 PEM, SHA-256.
/// </summary>
internal static class CertificateFactory
{
    /// <summary>The root CA's common name (kolla-ansible's).</summary>
    public const string RootCommonName = "KollaTestCA";

    /// <summary>The root key's size in bits.</summary>
    public const int RootKeySize = 4096;

    /// <summary>A server key's size in bits.</summary>
    public const int ServerKeySize = 2048;

    /// <summary>How long the root CA is valid (<c>selfsigned_not_after: +1024d</c>).</summary>
    public static readonly TimeSpan RootValidity = TimeSpan.FromDays(1024);

    /// <summary>How long a server certificate is valid (<c>ownca_not_after: +365d</c>).</summary>
    public static readonly TimeSpan ServerValidity = TimeSpan.FromDays(365);

    /// <summary>The server certificates' subject: C=US, ST=NC, L=RTP, OU=kolla, no common name.</summary>
    public static X500DistinguishedName ServerSubject()
    {
        // The builder encodes the last name added first: C, ST, L, OU in the certificate, as openssl_csr writes them.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddOrganizationalUnitName("kolla");
        builder.AddLocalityName("RTP");
        builder.AddStateOrProvinceName("NC");
        builder.AddCountryOrRegion("US");
        return builder.Build();
    }

    /// <summary>The root's request: CN=KollaTestCA, CA:TRUE and keyCertSign + digitalSignature, both critical.</summary>
    public static CertificateRequest RootRequest(RSA key)
    {
        var request = new CertificateRequest($"CN={RootCommonName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        return request;
    }

    /// <summary>A server request: the fixed subject and the alternative names (DNS names first, then the address).</summary>
    public static CertificateRequest ServerRequest(RSA key, IReadOnlyList<string> dnsNames, IPAddress address)
    {
        var request = new CertificateRequest(ServerSubject(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        return request;
    }

    /// <summary>The self-signed root from its request, with a subject key identifier.</summary>
    public static X509Certificate2 SelfSign(CertificateRequest request, RSA key, DateTimeOffset now)
    {
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var generator = X509SignatureGenerator.CreateForRSA(key, RSASignaturePadding.Pkcs1);
        return request.Create(request.SubjectName, generator, Truncate(now), Truncate(now) + RootValidity, SerialNumber());
    }

    /// <summary>A server certificate signed by the root, with subject and authority key identifiers.</summary>
    public static X509Certificate2 Sign(CertificateRequest request, X509Certificate2 root, RSA rootKey, DateTimeOffset now)
    {
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        if (root.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault() is { } rootKeyId)
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(rootKeyId));
        }

        var generator = X509SignatureGenerator.CreateForRSA(rootKey, RSASignaturePadding.Pkcs1);
        return request.Create(root.SubjectName, generator, Truncate(now), Truncate(now) + ServerValidity, SerialNumber());
    }

    /// <summary>PEM text of a certificate, newline-terminated.</summary>
    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem() + "\n";

    /// <summary>PEM text of a key (<c>BEGIN RSA PRIVATE KEY</c>, as openssl_privatekey writes RSA keys), newline-terminated.</summary>
    public static string Pem(RSA key) => key.ExportRSAPrivateKeyPem() + "\n";

    /// <summary>PEM text of a signing request, newline-terminated.</summary>
    public static string RequestPem(CertificateRequest request) => request.CreateSigningRequestPem() + "\n";

    /// <summary>Whether the certificate holds the key's public half.</summary>
    public static bool HoldsKey(X509Certificate2 certificate, RSA key) =>
        certificate.GetRSAPublicKey() is { } publicKey
        && publicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo());

    /// <summary>Whether the certificate was issued by the root: its issuer name and authority key identifier, and its signature.</summary>
    public static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 root)
    {
        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(root.SubjectName.RawData))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        return chain.Build(certificate);
    }

    /// <summary>The certificate's DNS names and IP addresses, in order.</summary>
    public static IReadOnlyList<string> AlternativeNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault() is { } names
            ? [.. names.EnumerateDnsNames().Select(n => "DNS:" + n), .. names.EnumerateIPAddresses().Select(a => "IP:" + a)]
            : [];

    private static DateTimeOffset Truncate(DateTimeOffset now) => new(now.UtcDateTime.Ticks - (now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    // A positive serial of 159 random bits, as cryptography's random_serial_number.
    private static byte[] SerialNumber()
    {
        var serial = RandomNumberGenerator.GetBytes(20);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }
}
