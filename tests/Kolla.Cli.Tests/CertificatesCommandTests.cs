using System.Runtime.Versioning;
using Kolla.Tests.Lifecycle;

namespace Kolla.Tests;

/// <summary>
/// <c>kolla certificates</c> on a copy of samples/all-in-one with HAProxy, ProxySQL and TLS on: the files kolla-ansible's
/// <c>certificates</c> playbook writes, kept on a second run, replaced with <c>--regenerate</c>; then <c>genconfig</c>
/// ships the bundles. Errors are one line and exit 1.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class CertificatesCommandTests(SampleConfig sample) : IClassFixture<SampleConfig>, IDisposable
{
    private const string Tls = "kolla_enable_tls_external: \"yes\"\nkolla_enable_tls_internal: \"yes\"\nkolla_copy_ca_into_containers: \"yes\"\n";

    private static readonly string[] s_files =
    [
        "ca/root.crt", "haproxy-internal.pem", "haproxy.pem",
        "private/external/external.crt", "private/external/external.csr", "private/external/external.key",
        "private/root/root.crt", "private/root/root.csr", "private/root/root.key",
        "proxysql-ca.pem", "proxysql-cert.pem", "proxysql-key.pem",
    ];

    private readonly string _scratch = Directory.CreateTempSubdirectory("kolla-cli-certs-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string ConfigDir => Path.Combine(_scratch, "conf");

    private string Certificates => Path.Combine(ConfigDir, "certificates");

    private async Task ConfigAsync(string append)
    {
        SampleConfig.Copy(sample.Directory, ConfigDir);
        var globals = Path.Combine(ConfigDir, "globals.yml");
        var text = (await File.ReadAllTextAsync(globals, Token))
            .Replace("enable_haproxy: \"no\"\n", "", StringComparison.Ordinal)
            .Replace("enable_proxysql: \"no\"\n", "", StringComparison.Ordinal);
        await File.WriteAllTextAsync(globals, text + append, Token);
    }

    private string[] Args(params string[] verbAndMore) => [.. verbAndMore, "-i", sample.Inventory, "--configdir", ConfigDir, "--passwords", Path.Combine(sample.Directory, "passwords.yml")];

    [Fact]
    public async Task Certificates_TlsOn_WritesKollaAnsiblesFiles_ThenKeepsThem_AndRegenerateReplacesThem()
    {
        await ConfigAsync(Tls);

        var first = await CliRun.RunAsync(Args("certificates"));
        var second = await CliRun.RunAsync(Args("certificates"));
        var key = await File.ReadAllTextAsync(Path.Combine(Certificates, "haproxy.pem"), Token);
        var third = await CliRun.RunAsync(Args("certificates", "--regenerate"));

        first.Code.Should().Be(0, first.Error);
        first.Error.Should().BeEmpty();
        var lines = first.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[..^1].Select(l => l["written  ".Length..]).Order(StringComparer.Ordinal).Should().Equal(s_files);
        lines[^1].Should().Be($"certificates: 12 file(s) written, 0 kept, under {Certificates}");
        second.Should().Be((0, $"certificates: 0 file(s) written, 12 kept, under {Certificates}\n", ""));
        third.Code.Should().Be(0, third.Error);
        third.Out.Should().EndWith($"certificates: 12 file(s) written, 0 kept, under {Certificates}\n");
        (await File.ReadAllTextAsync(Path.Combine(Certificates, "haproxy.pem"), Token)).Should().NotBe(key);
        File.GetUnixFileMode(Path.Combine(Certificates, "private", "root", "root.key")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task Genconfig_AfterCertificates_ShipsTheBundlesAndTheCa()
    {
        await ConfigAsync(Tls);
        var output = Path.Combine(_scratch, "out");

        (await CliRun.RunAsync(Args("certificates"))).Code.Should().Be(0);
        var (code, _, error) = await CliRun.RunAsync(Args("genconfig", "--executor", "dry-run", "-o", output));

        code.Should().Be(0, error);
        error.Should().NotContain("not implemented", "TLS on the VIPs is implemented");
        File.ReadAllBytes(Path.Combine(output, "localhost", "haproxy", "haproxy.pem")).Should().Equal(File.ReadAllBytes(Path.Combine(Certificates, "haproxy.pem")));
        File.ReadAllBytes(Path.Combine(output, "localhost", "keystone", "ca-certificates", "root.crt")).Should().Equal(File.ReadAllBytes(Path.Combine(Certificates, "ca", "root.crt")));
        (await File.ReadAllTextAsync(Path.Combine(output, "localhost", "haproxy", "services.d", "keystone.cfg"), Token))
            .Should().Contain("ssl crt /etc/haproxy/certificates/haproxy-internal.pem alpn h2,http/1.1\n");
    }

    [Fact]
    public async Task Genconfig_TlsOnWithoutCertificates_ExitsOneNamingTheFileAndTheVerb()
    {
        await ConfigAsync("kolla_enable_tls_external: \"yes\"\n");

        var (code, output, error) = await CliRun.RunAsync(Args("genconfig", "--executor", "dry-run", "-o", Path.Combine(_scratch, "out")));

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be($"error: localhost: haproxy: haproxy.pem: {Path.Combine(Certificates, "haproxy.pem")} does not exist; run `kolla certificates` to make it, or put your own there\n");
    }

    [Fact]
    public async Task Certificates_BackendTls_ExitsOneWithOneLineAndWritesNothing()
    {
        await ConfigAsync(Tls + "kolla_enable_tls_backend: \"yes\"\n");

        var (code, output, error) = await CliRun.RunAsync(Args("certificates"));

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be("error: kolla_enable_tls_backend is set, but backend certificates are not implemented (only the root CA and HAProxy's certificates are)\n");
        Directory.Exists(Certificates).Should().BeFalse();
    }

    [Fact]
    public async Task Plan_BackendTls_StaysRefusedAsNotImplemented()
    {
        await ConfigAsync(Tls + "kolla_enable_tls_backend: \"yes\"\n");

        var (code, _, error) = await CliRun.RunAsync(Args("plan", "--no-diff", "--executor", "dry-run"));

        code.Should().Be(1);
        error.Should().Contain("kolla_enable_tls_backend: \"yes\" — TLS between HAProxy and the services (backend TLS) is not implemented")
            .And.NotContain("kolla_enable_tls_external");
    }
}
