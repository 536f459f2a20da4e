using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kolla.Certificates;
using Kolla.TestKit;

namespace Kolla.Tests.Certificates;

/// <summary>
/// <c>kolla certificates</c>' library half against what kolla-ansible's <c>certificates</c> role made on the same inputs
/// (kolla-ansible 1a681814 run on an all-in-one with both TLS flags, read with <c>openssl x509 -text</c>): the same files
/// in the same places, a CN=KollaTestCA root (RSA 4096, CA:TRUE and keyCertSign critical, 1024 days), server certificates
/// with the fixed C/ST/L/OU subject, no common name, the VIP (and the FQDN when it differs) as alternative names, key
/// identifiers, RSA 2048, 365 days, and the bundles HAProxy reads (certificate then PKCS#1 key).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class KollaCertificatesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly string[] s_allInOneFiles =
    [
        "ca/root.crt", "haproxy-internal.pem", "haproxy.pem",
        "private/external/external.crt", "private/external/external.csr", "private/external/external.key",
        "private/root/root.crt", "private/root/root.csr", "private/root/root.key",
        "proxysql-ca.pem", "proxysql-cert.pem", "proxysql-key.pem",
    ];

    private static async Task<CertificatesResult> GenerateAsync(TlsSample sample, bool regenerate = false) =>
        await KollaCertificates.GenerateAsync(await sample.LoadAsync(Token), new CertificatesOptions { Regenerate = regenerate }, Token);

    private static string[] FilesUnder(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal)];

    private static X509Certificate2 Certificate(string path) => X509Certificate2.CreateFromPem(File.ReadAllText(path));

    [Fact]
    public async Task GenerateAsync_AllInOneWithTls_WritesTheFilesKollaAnsiblesRoleWrites()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);

        var result = await GenerateAsync(sample);

        result.Directory.Should().Be(sample.Certificates);
        FilesUnder(sample.Certificates).Should().Equal(s_allInOneFiles);
        result.Written.Order(StringComparer.Ordinal).Should().Equal(s_allInOneFiles);
        Directory.EnumerateDirectories(sample.Certificates, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(sample.Certificates, d)).Order()
            .Should().Equal("ca", "private", "private/external", "private/internal", "private/root");
    }

    [Fact]
    public async Task GenerateAsync_Modes_KeysAndBundlesOwnerOnly_SharedCopiesGroup_DirectoriesGroup()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);

        await GenerateAsync(sample);

        const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        const UnixFileMode Group = Owner | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;
        const UnixFileMode Public = Owner | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        UnixFileMode Mode(string relative) => File.GetUnixFileMode(Path.Combine(sample.Certificates, relative));
        foreach (var secret in new[] { "private/root/root.key", "private/external/external.key", "haproxy.pem", "haproxy-internal.pem", "proxysql-key.pem" })
        {
            Mode(secret).Should().Be(Owner, secret);
        }

        foreach (var shared in new[] { "ca/root.crt", "proxysql-ca.pem", "proxysql-cert.pem" })
        {
            Mode(shared).Should().Be(Group, shared);
        }

        Mode("private/root/root.crt").Should().Be(Public);
        Mode("private/external/external.csr").Should().Be(Public);
        File.GetUnixFileMode(Path.Combine(sample.Certificates, "private")).Should().Be(Group | UnixFileMode.UserExecute | UnixFileMode.GroupExecute);
        Directory.EnumerateFiles(sample.Certificates, ".*", SearchOption.AllDirectories).Should().BeEmpty("no temporary file is left behind");
    }

    [Fact]
    public async Task GenerateAsync_Root_IsKollaTestCaSelfSignedRsa4096CaWithCriticalConstraints()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);
        var before = DateTimeOffset.UtcNow.AddSeconds(-2);

        await GenerateAsync(sample);

        using var root = Certificate(Path.Combine(sample.Certificates, "private", "root", "root.crt"));
        root.Subject.Should().Be("CN=KollaTestCA");
        root.Issuer.Should().Be("CN=KollaTestCA");
        root.GetRSAPublicKey()!.KeySize.Should().Be(4096);
        root.SignatureAlgorithm.FriendlyName.Should().Be("sha256RSA");
        root.Version.Should().Be(3);
        var constraints = root.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        (constraints.CertificateAuthority, constraints.Critical, constraints.HasPathLengthConstraint).Should().Be((true, true, false));
        var usage = root.Extensions.OfType<X509KeyUsageExtension>().Single();
        (usage.KeyUsages, usage.Critical).Should().Be((X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        root.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Should().ContainSingle();
        root.Extensions.OfType<X509SubjectAlternativeNameExtension>().Should().BeEmpty();
        new DateTimeOffset(root.NotBefore.ToUniversalTime()).Should().BeOnOrAfter(before);
        (root.NotAfter - root.NotBefore).Should().Be(TimeSpan.FromDays(1024));
        (await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "ca", "root.crt"), Token))
            .Should().Be(await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "private", "root", "root.crt"), Token));
        (await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "private", "root", "root.key"), Token)).Should().StartWith("-----BEGIN RSA PRIVATE KEY-----\n");
    }

    [Fact]
    public async Task GenerateAsync_SharedVip_ExternalCertificateNamesTheVipOnly_AndBothBundlesAreItWithItsKey()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);

        await GenerateAsync(sample);

        var dir = sample.Certificates;
        using var root = Certificate(Path.Combine(dir, "private", "root", "root.crt"));
        using var server = Certificate(Path.Combine(dir, "private", "external", "external.crt"));
        server.Subject.Should().Be("OU=kolla, L=RTP, S=NC, C=US");
        server.Issuer.Should().Be("CN=KollaTestCA");
        server.GetRSAPublicKey()!.KeySize.Should().Be(2048);
        (server.NotAfter - server.NotBefore).Should().Be(TimeSpan.FromDays(365));
        server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses().Select(a => a.ToString()).Should().Equal("127.0.0.1");
        server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().Should().BeEmpty("kolla_external_fqdn is the VIP itself");
        server.Extensions.OfType<X509BasicConstraintsExtension>().Should().BeEmpty();
        server.Extensions.OfType<X509KeyUsageExtension>().Should().BeEmpty("kolla-ansible's request asks for none");
        server.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().Single().KeyIdentifier!.Value.ToArray()
            .Should().Equal(root.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.Build(server).Should().BeTrue("the root signed it");

        var crt = await File.ReadAllTextAsync(Path.Combine(dir, "private", "external", "external.crt"), Token);
        var key = await File.ReadAllTextAsync(Path.Combine(dir, "private", "external", "external.key"), Token);
        key.Should().StartWith("-----BEGIN RSA PRIVATE KEY-----\n").And.EndWith("-----END RSA PRIVATE KEY-----\n");
        (await File.ReadAllTextAsync(Path.Combine(dir, "haproxy.pem"), Token)).Should().Be(crt + key);
        (await File.ReadAllTextAsync(Path.Combine(dir, "haproxy-internal.pem"), Token)).Should().Be(crt + key, "with one VIP the internal bundle is a copy");
        (await File.ReadAllTextAsync(Path.Combine(dir, "proxysql-cert.pem"), Token)).Should().Be(crt);
        (await File.ReadAllTextAsync(Path.Combine(dir, "proxysql-key.pem"), Token)).Should().Be(key);
        using var pair = X509Certificate2.CreateFromPemFile(Path.Combine(dir, "haproxy.pem"), Path.Combine(dir, "haproxy.pem"));
        pair.HasPrivateKey.Should().BeTrue("HAProxy reads certificate and key from the one bundle");
    }

    [Fact]
    public async Task GenerateAsync_SeparateVipsAndFqdns_EachCertificateNamesItsFqdnThenItsVip()
    {
        using var sample = await TlsSample.CreateAsync(TlsSample.Tls + """
            kolla_external_vip_address: "192.0.2.10"
            kolla_internal_fqdn: "internal.example.org"
            kolla_external_fqdn: "cloud.example.org"

            """, Token);

        await GenerateAsync(sample);

        var dir = sample.Certificates;
        FilesUnder(dir).Should().Contain(["private/internal/internal.key", "private/internal/internal.csr", "private/internal/internal.crt"]);
        using var external = Certificate(Path.Combine(dir, "haproxy.pem"));
        using var internalCertificate = Certificate(Path.Combine(dir, "haproxy-internal.pem"));
        static string[] Names(X509Certificate2 c) =>
            [.. c.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().Select(n => "DNS:" + n),
             .. c.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses().Select(a => "IP:" + a)];
        Names(external).Should().Equal("DNS:cloud.example.org", "IP:192.0.2.10");
        Names(internalCertificate).Should().Equal("DNS:internal.example.org", "IP:127.0.0.1");
        (await File.ReadAllTextAsync(Path.Combine(dir, "proxysql-cert.pem"), Token))
            .Should().Be(await File.ReadAllTextAsync(Path.Combine(dir, "private", "internal", "internal.crt"), Token), "ProxySQL listens on the internal VIP");
    }

    [Fact]
    public async Task GenerateAsync_OpensslReadsWhatKollaAnsiblesCertificatesShowed()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);
        await GenerateAsync(sample);

        var root = (await ExternalCommand.RunAsync("openssl", ["x509", "-noout", "-text", "-in", Path.Combine(sample.Certificates, "ca", "root.crt")], cancellationToken: Token)).EnsureSuccess().StandardOutput;
        var server = (await ExternalCommand.RunAsync("openssl", ["x509", "-noout", "-text", "-in", Path.Combine(sample.Certificates, "haproxy.pem")], cancellationToken: Token)).EnsureSuccess().StandardOutput;
        var verify = await ExternalCommand.RunAsync("openssl", ["verify", "-CAfile", Path.Combine(sample.Certificates, "ca", "root.crt"), Path.Combine(sample.Certificates, "private", "external", "external.crt")], cancellationToken: Token);

        root.Should().Contain("Signature Algorithm: sha256WithRSAEncryption").And.Contain("Issuer: CN = KollaTestCA").And.Contain("Subject: CN = KollaTestCA")
            .And.Contain("Public-Key: (4096 bit)").And.Contain("X509v3 Key Usage: critical\n                Digital Signature, Certificate Sign")
            .And.Contain("X509v3 Basic Constraints: critical\n                CA:TRUE\n").And.Contain("X509v3 Subject Key Identifier");
        server.Should().Contain("Issuer: CN = KollaTestCA").And.Contain("Subject: C = US, ST = NC, L = RTP, OU = kolla\n").And.Contain("Public-Key: (2048 bit)")
            .And.MatchRegex(@"X509v3 Subject Alternative Name: ?\n +IP Address:127\.0\.0\.1\n").And.Contain("X509v3 Authority Key Identifier")
            .And.NotContain("X509v3 Key Usage");
        verify.StandardOutput.Should().Contain(": OK");
    }

    [Fact]
    public async Task GenerateAsync_SecondRun_WritesNothingAndChangesNoByte()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);
        await GenerateAsync(sample);
        var before = FilesUnder(sample.Certificates).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(sample.Certificates, f)));

        var again = await GenerateAsync(sample);

        again.Written.Should().BeEmpty();
        again.Kept.Order(StringComparer.Ordinal).Should().Equal(s_allInOneFiles);
        foreach (var (file, bytes) in before)
        {
            File.ReadAllBytes(Path.Combine(sample.Certificates, file)).Should().Equal(bytes, file);
        }
    }

    [Fact]
    public async Task GenerateAsync_VipChanged_ReissuesTheServerCertificateWithTheSameKeys()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);
        await GenerateAsync(sample);
        var key = await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "private", "external", "external.key"), Token);
        var rootBefore = await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "ca", "root.crt"), Token);
        var globals = Path.Combine(sample.Directory, "globals.yml");
        await File.WriteAllTextAsync(globals, (await File.ReadAllTextAsync(globals, Token)).Replace("127.0.0.1", "127.0.0.2", StringComparison.Ordinal), Token);

        var result = await GenerateAsync(sample);

        result.Written.Should().BeEquivalentTo(["private/external/external.csr", "private/external/external.crt", "haproxy.pem", "haproxy-internal.pem", "proxysql-cert.pem"]);
        (await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "private", "external", "external.key"), Token)).Should().Be(key);
        (await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "ca", "root.crt"), Token)).Should().Be(rootBefore);
        using var server = Certificate(Path.Combine(sample.Certificates, "haproxy.pem"));
        server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses().Select(a => a.ToString()).Should().Equal("127.0.0.2");
    }

    [Fact]
    public async Task GenerateAsync_Regenerate_ReplacesEveryKeyAndCertificate()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);
        await GenerateAsync(sample);
        var rootKey = await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "private", "root", "root.key"), Token);

        var result = await GenerateAsync(sample, regenerate: true);

        result.Written.Order(StringComparer.Ordinal).Should().Equal(s_allInOneFiles);
        (await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "private", "root", "root.key"), Token)).Should().NotBe(rootKey);
    }

    [Fact]
    public async Task GenerateAsync_OperatorsOwnBundle_IsKept()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);
        Directory.CreateDirectory(sample.Certificates);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=cloud.example.org", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var own = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));
        var bundle = own.ExportCertificatePem() + "\n" + key.ExportRSAPrivateKeyPem() + "\n";
        await File.WriteAllTextAsync(Path.Combine(sample.Certificates, "haproxy.pem"), bundle, Token);

        var result = await GenerateAsync(sample);

        (await File.ReadAllTextAsync(Path.Combine(sample.Certificates, "haproxy.pem"), Token)).Should().Be(bundle);
        result.Kept.Should().Contain("haproxy.pem");
        result.Written.Should().Contain("private/external/external.crt");
    }

    [Fact]
    public async Task GenerateAsync_BackendTls_IsRefusedNamingTheVariable()
    {
        using var sample = await TlsSample.CreateAsync(TlsSample.Tls + "kolla_enable_tls_backend: \"yes\"\n", Token);

        var act = () => GenerateAsync(sample);

        (await act.Should().ThrowAsync<CertificatesException>()).WithMessage("kolla_enable_tls_backend is set, but backend certificates are not implemented*");
        Directory.Exists(sample.Certificates).Should().BeFalse("nothing is written before the settings are known to be doable");
    }

    [Fact]
    public async Task GenerateAsync_TlsWithoutVip_IsRefusedNamingTheVariable()
    {
        using var sample = await TlsSample.CreateAsync(TlsSample.Tls + "kolla_external_vip_address: \"cloud.example.org\"\n", Token);

        var act = () => GenerateAsync(sample);

        (await act.Should().ThrowAsync<CertificatesException>()).WithMessage("kolla_external_vip_address 'cloud.example.org' is not an IP address");
    }

    [Fact]
    public async Task GenerateAsync_CorruptKey_IsAnErrorAndTheFileIsLeftAlone()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);
        Directory.CreateDirectory(Path.Combine(sample.Certificates, "private", "root"));
        var keyFile = Path.Combine(sample.Certificates, "private", "root", "root.key");
        await File.WriteAllTextAsync(keyFile, "not a key\n", Token);

        var act = () => GenerateAsync(sample);

        (await act.Should().ThrowAsync<CertificatesException>()).WithMessage($"{keyFile}: not a PEM RSA private key*--regenerate*");
        (await File.ReadAllTextAsync(keyFile, Token)).Should().Be("not a key\n");
    }
}
