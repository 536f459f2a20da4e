using System.Runtime.Versioning;
using System.Text;
using Kolla.Certificates;
using Kolla.Planning;
using Kolla.Tests.Certificates;

namespace Kolla.Tests.Planning;

/// <summary>
/// TLS on the VIPs as kolla-ansible 1a681814's genconfig renders it for an all-in-one with <c>kolla_enable_tls_external</c>,
/// <c>kolla_enable_tls_internal</c> and <c>kolla_copy_ca_into_containers</c> (observed through the oracle; the fragments
/// below are written from those observations): HAProxy binds with the bundles, its global TLS settings, the bundles copied
/// beside config.json and required there, Horizon's redirect, the CA in every container of the roles that copy it, https
/// endpoints, and ProxySQL's frontend TLS (database_enable_tls_internal follows internal TLS with ProxySQL on).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class TlsPlanTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(SortedDictionary<string, byte[]> Tree, DeploymentPlan Plan, string Certificates)> PlanAsync(TlsSample sample)
    {
        await KollaCertificates.GenerateAsync(await sample.LoadAsync(Token), cancellationToken: Token);
        var plan = DeploymentPlanner.Plan(await sample.LoadAsync(Token));
        return (Samples.Tree(plan), plan, sample.Certificates);
    }

    private static string Text(SortedDictionary<string, byte[]> tree, string path) => Encoding.UTF8.GetString(tree[$"localhost/{path}"]);

    [Fact]
    public async Task Plan_TlsOn_HttpFrontendsBindWithTheirBundleAndHttp2_TcpOnesWithout()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);

        var (tree, _, _) = await PlanAsync(sample);

        Text(tree, "haproxy/services.d/keystone.cfg").Should()
            .Contain("    http-request set-header X-Forwarded-Proto https if { ssl_fc }\n    bind 127.0.0.1:5000 ssl crt /etc/haproxy/certificates/haproxy-internal.pem alpn h2,http/1.1\n    default_backend keystone_internal_back\n");
        Text(tree, "haproxy/services.d/rabbitmq.cfg").Should().Contain("    bind 127.0.0.1:15672 ssl crt /etc/haproxy/certificates/haproxy-internal.pem alpn h2,http/1.1\n");
        Text(tree, "haproxy/services.d/nova-novncproxy.cfg").Should().Contain("    bind 127.0.0.1:6080 ssl crt /etc/haproxy/certificates/haproxy-internal.pem alpn h2,http/1.1\n");
        Text(tree, "haproxy/services.d/horizon.cfg").Should().Contain("    bind 127.0.0.1:443 ssl crt /etc/haproxy/certificates/haproxy-internal.pem alpn h2,http/1.1\n")
            .And.EndWith("\nfrontend horizon_redirect_front\n    mode http\n    bind 127.0.0.1:80\n    redirect scheme https code 301 if !{ ssl_fc }\n    \n\n");
    }

    [Fact]
    public async Task Plan_TlsOn_HaproxyCfgGetsTheModernSettings_AndTheRunScriptAStandInPerBundle()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);

        var (tree, _, _) = await PlanAsync(sample);

        Text(tree, "haproxy/haproxy.cfg").Should().Contain("""
                stats socket /var/lib/kolla/haproxy/haproxy.sock group kolla mode 660
                ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256
                ssl-default-bind-options prefer-client-ciphers ssl-min-ver TLSv1.3 no-tls-tickets
                ssl-default-server-ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256
                ssl-default-server-options ssl-min-ver TLSv1.3 no-tls-tickets

                tune.ssl.default-dh-param 4096
                ca-base /etc/ssl/certs

            defaults
            """.Replace("\n\n    tune", "\n    \n    tune", StringComparison.Ordinal));
        var run = Text(tree, "haproxy/haproxy_run.sh");
        run.Should().Contain("if [ ! -e \"/etc/haproxy/certificates/haproxy.pem\" ]; then\n")
            .And.Contain("-keyout ${ssl_tmp_dir}/haproxy-internal$$.key -out ${ssl_tmp_dir}/haproxy-internal$$.crt -subj \"/CN=127.0.0.1\"\n")
            .And.Contain("    chmod 0660 /etc/haproxy/certificates/haproxy-internal.pem\nfi\n\nexec /usr/sbin/haproxy");
    }

    [Fact]
    public async Task Plan_TlsOn_BundlesAreCopiedAndRequired()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);

        var (tree, plan, certificates) = await PlanAsync(sample);

        tree["localhost/haproxy/haproxy.pem"].Should().Equal(File.ReadAllBytes(Path.Combine(certificates, "haproxy.pem")));
        tree["localhost/haproxy/haproxy-internal.pem"].Should().Equal(File.ReadAllBytes(Path.Combine(certificates, "haproxy-internal.pem")));
        tree["localhost/proxysql/proxysql-key.pem"].Should().Equal(File.ReadAllBytes(Path.Combine(certificates, "proxysql-key.pem")));
        plan.Hosts.Single().Containers.Single(c => c.Key == "haproxy").Files.Single(f => f.Path.EndsWith("/haproxy.pem", StringComparison.Ordinal)).Mode.Should().Be(0b110_110_000);
        Text(tree, "haproxy/config.json").Should().Contain("""
                    {
                        "source": "/var/lib/kolla/config_files/haproxy.pem",
                        "dest": "/etc/haproxy/certificates/haproxy.pem",
                        "owner": "haproxy",
                        "perm": "0600",
                        "optional": false
                    },
            """);
        Text(tree, "proxysql/config.json").Should().Contain("""
                        "perm": "0644"
                    }                ,
                    {
                        "source": "/var/lib/kolla/config_files/proxysql-ca.pem",
                        "dest": "/var/lib/proxysql/proxysql-ca.pem",
            """);
        Text(tree, "keystone/keystone.conf").Should().Contain("@127.0.0.1:3306/keystone?ssl_ca=\n");
    }

    [Fact]
    public async Task Plan_CopyCa_EveryContainerOfTheRolesThatCopyItGetsTheCaAndItsEntry()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);

        var (tree, plan, certificates) = await PlanAsync(sample);

        var root = File.ReadAllBytes(Path.Combine(certificates, "ca", "root.crt"));
        var keys = plan.Hosts.Single().Containers.Select(c => c.Key).ToList();
        var without = new[] { "mariadb", "memcached", "openvswitch-db-server", "openvswitch-vswitchd" };
        foreach (var key in keys)
        {
            tree.ContainsKey($"localhost/{key}/ca-certificates/root.crt").Should().Be(!without.Contains(key), key);
        }

        tree["localhost/keystone/ca-certificates/root.crt"].Should().Equal(root);
        plan.Hosts.Single().Containers.Single(c => c.Key == "keystone").Files.Single(f => f.Path.EndsWith("/root.crt", StringComparison.Ordinal)).Mode.Should().Be(0b110_100_100);
        const string Entry = """
                    {
                        "source": "/var/lib/kolla/config_files/ca-certificates",
                        "dest": "/var/lib/kolla/share/ca-certificates",
                        "owner": "root",
                        "perm": "0644"
                    }    ],
            """;
        foreach (var key in new[] { "keystone", "nova-api", "neutron-openvswitch-agent", "horizon", "haproxy", "cron" })
        {
            Text(tree, $"{key}/config.json").Should().Contain(Entry, key);
        }

        Text(tree, "nova-metadata/config.json").Should().NotContain("ca-certificates", "kolla-ansible's template for it has no such entry");
        Text(tree, "mariadb/config.json").Should().NotContain("ca-certificates");
    }

    [Fact]
    public async Task Plan_TlsOn_EndpointsAreHttps()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);

        var (tree, _, _) = await PlanAsync(sample);

        Text(tree, "nova-api/nova.conf").Should().Contain("www_authenticate_uri = https://127.0.0.1:5000\n").And.Contain("auth_url = https://127.0.0.1:5000\n");
        Text(tree, "glance-api/glance-api-uwsgi.ini").Should().EndWith("env = REQUESTS_CA_BUNDLE=\nenv = SSL_CERT_FILE=\n");
    }

    [Fact]
    public async Task Plan_TlsOnWithoutCertificates_FailsNamingTheFileAndTheVerbThatMakesIt()
    {
        using var sample = await TlsSample.CreateAsync("kolla_enable_tls_external: \"yes\"\n", Token);

        var act = async () => DeploymentPlanner.Plan(await sample.LoadAsync(Token));

        (await act.Should().ThrowAsync<PlanningException>())
            .WithMessage($"localhost: haproxy: haproxy.pem: {Path.Combine(sample.Certificates, "haproxy.pem")} does not exist; run `kolla certificates` to make it, or put your own there");
    }

    [Fact]
    public async Task Plan_ExternallyManagedCertificates_NothingIsCopiedAndNothingIsRequiredOnTheDeployHost()
    {
        using var sample = await TlsSample.CreateAsync("kolla_enable_tls_external: \"yes\"\nkolla_externally_managed_cert: \"yes\"\n", Token);

        var tree = Samples.Tree(DeploymentPlanner.Plan(await sample.LoadAsync(Token)));

        tree.Keys.Should().NotContain(k => k.EndsWith(".pem", StringComparison.Ordinal));
        Text(tree, "haproxy/config.json").Should().Contain("\"dest\": \"/etc/haproxy/certificates/haproxy.pem\",\n            \"owner\": \"haproxy\",\n            \"perm\": \"0600\",\n            \"optional\": true\n");
        Text(tree, "haproxy/haproxy.cfg").Should().Contain("    tune.ssl.default-dh-param 4096\n");
    }

    [Fact]
    public async Task Plan_IntermediateSslSettings_AddTheTls12CiphersAndMinimum()
    {
        using var sample = await TlsSample.CreateAsync(TlsSample.Tls + "kolla_haproxy_ssl_settings: intermediate\n", Token);

        var (tree, _, _) = await PlanAsync(sample);

        Text(tree, "haproxy/haproxy.cfg").Should().Contain("    ssl-default-bind-ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:")
            .And.Contain("    ssl-default-bind-options prefer-client-ciphers ssl-min-ver TLSv1.2 no-tls-tickets\n")
            .And.Contain("    ssl-default-server-options ssl-min-ver TLSv1.2 no-tls-tickets\n    \n    tune.ssl.default-dh-param 4096\n");
    }

    [Fact]
    public async Task Plan_CopyCaWithoutCertificates_FailsNamingTheCaDirectory()
    {
        using var sample = await TlsSample.CreateAsync("kolla_copy_ca_into_containers: \"yes\"\n", Token);

        var act = async () => DeploymentPlanner.Plan(await sample.LoadAsync(Token));

        (await act.Should().ThrowAsync<PlanningException>()).WithMessage($"*kolla_copy_ca_into_containers is set, but {Path.Combine(sample.Certificates, "ca")} holds no certificate; run `kolla certificates`*");
    }

    [Fact]
    public async Task Plan_TlsOn_PrivateKeyLinesAreSecrets()
    {
        using var sample = await TlsSample.CreateAsync(cancellationToken: Token);

        var (_, plan, certificates) = await PlanAsync(sample);

        var keyLines = File.ReadAllLines(Path.Combine(certificates, "private", "external", "external.key")).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).ToList();
        keyLines.Should().NotBeEmpty();
        plan.Secrets.Should().Contain(keyLines);
        plan.Secrets.Should().NotContain(File.ReadAllLines(Path.Combine(certificates, "ca", "root.crt"))[1], "certificates are public");
    }
}
