using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kolla.Planning;

namespace Kolla.Certificates;

/// <summary>
/// kolla-ansible's <c>certificates</c> playbook: a root CA and the certificates HAProxy serves for
/// <c>kolla_enable_tls_external</c> / <c>kolla_enable_tls_internal</c> (and ProxySQL's for <c>database_enable_tls_internal</c>),
/// under <c>kolla_certificates_dir</c> (default <c>&lt;config dir&gt;/certificates</c>) with kolla-ansible's file names.
/// </summary>
/// <remarks>
/// <para>Layout: <c>private/root/root.{key,csr,crt}</c> and its copy <c>ca/root.crt</c> (what <c>kolla_copy_ca_into_containers</c>
/// puts in every container); <c>private/external/external.*</c> and <c>private/internal/internal.*</c>; the HAProxy bundles
/// (certificate then key) at <c>kolla_external_fqdn_cert</c> (<c>haproxy.pem</c>) and <c>kolla_internal_fqdn_cert</c>
/// (<c>haproxy-internal.pem</c>, a copy of the external one when both share a VIP); <c>proxysql-{ca,cert,key}.pem</c>.</para>
/// <para>Idempotent, as the crypto modules kolla-ansible uses: keys are kept; a certificate is kept while it holds its key,
/// was issued by the root and names what the settings ask; bundles and copies are rewritten only when their content
/// differs, and a bundle whose certificate the root did not issue (the operator's own) is kept.
/// <see cref="CertificatesOptions.Regenerate"/> replaces everything. Private keys and the bundles holding them are written
/// with mode 0600 (kolla-ansible: 0660).</para>
/// </remarks>
public static class KollaCertificates
{
    /// <summary>Makes what is missing or out of date.</summary>
    /// <param name="inputs">The deployment's inputs (globals, inventory, <c>-e</c>): the VIPs, FQDNs and TLS flags.</param>
    /// <param name="options">Regeneration, precedence and clock.</param>
    /// <param name="cancellationToken">Cancels between files.</param>
    /// <returns>The directory, and the files written and kept.</returns>
    /// <exception cref="CertificatesException">A setting is missing or invalid, or a file cannot be read or written.</exception>
    public static async Task<CertificatesResult> GenerateAsync(DeploymentInputs inputs, CertificatesOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new CertificatesOptions();
        var settings = CertificateSettings.Evaluate(inputs, options.GlobalsPrecedence);
        var makeExternal = settings.TlsExternal || settings.DatabaseTlsInternal;
        var makeInternal = (settings.TlsInternal || settings.DatabaseTlsInternal) && !settings.SameVip;
        // Names first: a setting that cannot be a certificate's name fails before anything is written.
        var externalNames = makeExternal ? CertificateSettings.AlternativeNames(settings.ExternalFqdn, settings.ExternalVip, "kolla_external_vip_address") : default;
        var internalNames = makeInternal ? CertificateSettings.AlternativeNames(settings.InternalFqdn, settings.InternalVip, "kolla_internal_vip_address") : default;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var store = new CertificateStore(settings.Directory, options.Regenerate);
        store.EnsureDirectories("ca", "private", "private/root", "private/internal", "private/external");

        using var rootKey = await store.KeyAsync("private/root/root.key", CertificateFactory.RootKeySize, cancellationToken).ConfigureAwait(false);
        using var root = await store.CertificateAsync(
            "private/root/root.crt",
            "private/root/root.csr",
            existing => CertificateFactory.HoldsKey(existing, rootKey) && existing.SubjectName.Name == $"CN={CertificateFactory.RootCommonName}",
            () =>
            {
                var request = CertificateFactory.RootRequest(rootKey);
                var pemRequest = CertificateFactory.RootRequest(rootKey);
                return (pemRequest, CertificateFactory.SelfSign(request, rootKey, now));
            },
            cancellationToken).ConfigureAwait(false);
        var rootPem = CertificateFactory.Pem(root);
        await store.DerivedAsync("ca/root.crt", rootPem, CertificateStore.SharedMode, null, cancellationToken).ConfigureAwait(false);
        bool Foreign(X509Certificate2 certificate) => !CertificateFactory.IssuedBy(certificate, root);

        if (settings.DatabaseTlsInternal)
        {
            await store.DerivedAsync("proxysql-ca.pem", rootPem, CertificateStore.SharedMode, null, cancellationToken).ConfigureAwait(false);
        }

        if (makeExternal)
        {
            var (certificate, key) = await ServerAsync(store, "external", externalNames, root, rootKey, now, cancellationToken).ConfigureAwait(false);
            using (certificate)
            using (key)
            {
                var bundle = CertificateFactory.Pem(certificate) + CertificateFactory.Pem(key);
                if (settings.TlsExternal)
                {
                    await store.DerivedAsync(settings.ExternalPem, bundle, CertificateStore.SecretMode, Foreign, cancellationToken).ConfigureAwait(false);
                }

                if (settings.DatabaseTlsInternal && settings.SameVip)
                {
                    await ProxySqlAsync(store, certificate, key, Foreign, cancellationToken).ConfigureAwait(false);
                }

                if (settings.TlsExternal && settings.TlsInternal && settings.SameVip)
                {
                    await store.DerivedAsync(settings.InternalPem, bundle, CertificateStore.SecretMode, Foreign, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        if (makeInternal)
        {
            var (certificate, key) = await ServerAsync(store, "internal", internalNames, root, rootKey, now, cancellationToken).ConfigureAwait(false);
            using (certificate)
            using (key)
            {
                if (settings.TlsInternal)
                {
                    await store.DerivedAsync(settings.InternalPem, CertificateFactory.Pem(certificate) + CertificateFactory.Pem(key), CertificateStore.SecretMode, Foreign, cancellationToken).ConfigureAwait(false);
                }

                if (settings.DatabaseTlsInternal)
                {
                    await ProxySqlAsync(store, certificate, key, Foreign, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return new CertificatesResult(settings.Directory, store.Written, store.Kept);
    }

    private static async Task<(X509Certificate2 Certificate, RSA Key)> ServerAsync(
        CertificateStore store, string name, (IReadOnlyList<string> DnsNames, System.Net.IPAddress Address) names, X509Certificate2 root, RSA rootKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (dnsNames, address) = names;
        var wanted = dnsNames.Select(n => "DNS:" + n).Append("IP:" + address).ToArray();
        var key = await store.KeyAsync($"private/{name}/{name}.key", CertificateFactory.ServerKeySize, cancellationToken).ConfigureAwait(false);
        var certificate = await store.CertificateAsync(
            $"private/{name}/{name}.crt",
            $"private/{name}/{name}.csr",
            existing => CertificateFactory.HoldsKey(existing, key)
                && CertificateFactory.IssuedBy(existing, root)
                && CertificateFactory.AlternativeNames(existing).SequenceEqual(wanted, StringComparer.Ordinal),
            () =>
            {
                var request = CertificateFactory.ServerRequest(key, dnsNames, address);
                var pemRequest = CertificateFactory.ServerRequest(key, dnsNames, address);
                return (pemRequest, CertificateFactory.Sign(request, root, rootKey, now));
            },
            cancellationToken).ConfigureAwait(false);
        return (certificate, key);
    }

    private static async Task ProxySqlAsync(CertificateStore store, X509Certificate2 certificate, RSA key, Func<X509Certificate2, bool> foreign, CancellationToken cancellationToken)
    {
        // The key goes with its certificate: the operator's own pair is kept whole.
        if (await store.DerivedAsync("proxysql-cert.pem", CertificateFactory.Pem(certificate), CertificateStore.SharedMode, foreign, cancellationToken).ConfigureAwait(false))
        {
            await store.DerivedAsync("proxysql-key.pem", CertificateFactory.Pem(key), CertificateStore.SecretMode, null, cancellationToken).ConfigureAwait(false);
        }
    }
}
