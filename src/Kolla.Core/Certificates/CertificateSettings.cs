using System.Net;
using Kolla.Planning;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Certificates;

/// <summary>The variables kolla-ansible's <c>certificates</c> role reads, evaluated as the plan evaluates them.</summary>
/// <remarks>
/// kolla-ansible runs the role on <c>localhost</c>: the values are taken for the inventory's <c>localhost</c> when it has
/// one, else for its first host (globals, group vars of <c>all</c> and <c>-e</c> are the same for every host).
/// </remarks>
internal sealed record CertificateSettings
{
    public required string Directory { get; init; }

    public required bool TlsExternal { get; init; }

    public required bool TlsInternal { get; init; }

    public required bool DatabaseTlsInternal { get; init; }

    public required bool SameVip { get; init; }

    public required string ExternalFqdn { get; init; }

    public required string ExternalVip { get; init; }

    public required string InternalFqdn { get; init; }

    public required string InternalVip { get; init; }

    /// <summary><c>kolla_external_fqdn_cert</c>: HAProxy's external PEM bundle.</summary>
    public required string ExternalPem { get; init; }

    /// <summary><c>kolla_internal_fqdn_cert</c>: HAProxy's internal PEM bundle.</summary>
    public required string InternalPem { get; init; }

    /// <summary>Evaluates the settings.</summary>
    /// <exception cref="CertificatesException">A value cannot be evaluated, or asks for certificates we do not make.</exception>
    public static CertificateSettings Evaluate(DeploymentInputs inputs, GlobalsPrecedence precedence)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var context = DeploymentVariables.Create(inputs, precedence);
        var host = context.HostNames.Contains("localhost") ? "localhost" : context.HostNames.FirstOrDefault()
            ?? throw new CertificatesException("the inventory has no host");
        var values = new ValueEvaluator(new TemplateRenderer(), context.ForHost(host), "certificates");
        try
        {
            foreach (var name in new[] { "kolla_enable_tls_backend", "rabbitmq_enable_tls", "libvirt_tls" })
            {
                if (context.ForHost(host).TryGetVariable(name, out _) && values.Bool($"{{{{ {name} }}}}"))
                {
                    throw new CertificatesException($"{name} is set, but backend certificates are not implemented (only the root CA and HAProxy's certificates are)");
                }
            }

            string Text(string name) => values.Text($"{{{{ {name} }}}}");
            var settings = new CertificateSettings
            {
                Directory = Text("kolla_certificates_dir").TrimEnd('/'),
                TlsExternal = values.Bool("{{ kolla_enable_tls_external }}"),
                TlsInternal = values.Bool("{{ kolla_enable_tls_internal }}"),
                DatabaseTlsInternal = values.Bool("{{ database_enable_tls_internal }}"),
                SameVip = values.Bool("{{ kolla_same_external_internal_vip }}"),
                ExternalFqdn = Text("kolla_external_fqdn"),
                ExternalVip = Text("kolla_external_vip_address"),
                InternalFqdn = Text("kolla_internal_fqdn"),
                InternalVip = Text("kolla_internal_vip_address"),
                ExternalPem = Text("kolla_external_fqdn_cert"),
                InternalPem = Text("kolla_internal_fqdn_cert"),
            };
            if (settings.Directory.Length == 0)
            {
                throw new CertificatesException("kolla_certificates_dir is empty");
            }

            return settings;
        }
        catch (KollaException e) when (e is TemplateException or PlanningException)
        {
            throw new CertificatesException($"certificates: {e.Message}", e);
        }
    }

    /// <summary>The server certificate's subject alternative names, as kolla-ansible's role lists them: the name when it differs from the address, then the address.</summary>
    /// <exception cref="CertificatesException">The address is empty or not an IP address.</exception>
    public static (IReadOnlyList<string> DnsNames, IPAddress Address) AlternativeNames(string fqdn, string vip, string vipVariable)
    {
        if (!IPAddress.TryParse(vip, out var address))
        {
            throw new CertificatesException(vip.Length == 0
                ? $"{vipVariable} is not set: the certificate names it as an IP address"
                : $"{vipVariable} '{vip}' is not an IP address");
        }

        return (fqdn != vip && fqdn.Length > 0 ? [fqdn] : [], address);
    }
}
