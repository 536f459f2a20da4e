using System.Text;
using Kolla.Passwords;
using Kolla.Templates;
using Kolla.Variables;

namespace Kolla.Planning;

/// <summary>The cloud's admin credentials, as <c>kolla post-deploy</c> writes them into <c>admin-openrc.sh</c> and <c>clouds.yaml</c>.</summary>
/// <param name="AuthUrl">Keystone's internal URL (<c>keystone_internal_url</c>).</param>
/// <param name="Username"><c>keystone_admin_user</c>.</param>
/// <param name="Password"><c>keystone_admin_password</c> from passwords.yml.</param>
/// <param name="ProjectName"><c>keystone_admin_project</c>.</param>
/// <param name="ProjectDomainName"><c>default_project_domain_name</c>.</param>
/// <param name="UserDomainName"><c>default_user_domain_name</c>.</param>
/// <param name="RegionName"><c>openstack_region_name</c>.</param>
/// <param name="CaCertificate"><c>kolla_admin_openrc_cacert</c>, or null when TLS needs no extra CA.</param>
/// <remarks>Counterpart of kolla-ansible's <c>post-deploy</c> playbook (its admin-openrc and clouds.yaml templates).</remarks>
internal sealed record AdminCredentials(
    string AuthUrl,
    string Username,
    Secret Password,
    string ProjectName,
    string ProjectDomainName,
    string UserDomainName,
    string RegionName,
    string? CaCertificate = null)
{
    /// <summary>Reads the credentials from a deployment's variables (globals, passwords, catalogue defaults).</summary>
    /// <param name="inputs">The deployment's inputs.</param>
    /// <param name="precedence">Where globals sit relative to inventory variables.</param>
    /// <returns>The credentials.</returns>
    /// <exception cref="PlanningException">A value is missing (<c>keystone_admin_password</c> empty: run <c>kolla genpwd</c>).</exception>
    public static AdminCredentials FromInputs(DeploymentInputs inputs, GlobalsPrecedence precedence = GlobalsPrecedence.BelowInventory)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var context = DeploymentVariables.Create(inputs, precedence);
        IVariableScope scope = context.HostNames.Count > 0 ? context.ForHost(context.HostNames[0]) : context.Common;
        var renderer = new TemplateRenderer();
        string? Optional(string name)
        {
            try
            {
                return renderer.TryResolveVariable(scope, name, out var value) && value is not null ? ValueEvaluator.Stringify(value) : null;
            }
            catch (TemplateException e)
            {
                throw new PlanningException($"post-deploy: {name}: {e.Message}", e);
            }
        }

        string Required(string name, string hint) =>
            Optional(name) is { Length: > 0 } value ? value : throw new PlanningException($"post-deploy: {name} is not set; {hint}");

        return new AdminCredentials(
            Required("keystone_internal_url", "set kolla_internal_vip_address in globals.yml"),
            Required("keystone_admin_user", "set it in globals.yml"),
            new Secret(Required("keystone_admin_password", "run kolla genpwd to fill passwords.yml")),
            Required("keystone_admin_project", "set it in globals.yml"),
            Optional("default_project_domain_name") is { Length: > 0 } projectDomain ? projectDomain : "Default",
            Optional("default_user_domain_name") is { Length: > 0 } userDomain ? userDomain : "Default",
            Optional("openstack_region_name") is { Length: > 0 } region ? region : "RegionOne",
            Optional("kolla_admin_openrc_cacert") is { Length: > 0 } ca ? ca : null);
    }

    /// <summary>The text of <c>admin-openrc.sh</c>: unsets every <c>OS_*</c> variable, then exports the admin's.</summary>
    /// <returns>A POSIX shell script to source; it holds the password, so keep it mode 0600.</returns>
    public string ToOpenRc()
    {
        var text = new StringBuilder()
            .Append("# OpenStack admin credentials written by `kolla post-deploy`. Load them with: . admin-openrc.sh\n")
            .Append("# This file holds the admin password: keep it private (mode 0600).\n")
            .Append("for name in $(env | sed -n 's/^\\(OS_[A-Za-z0-9_]*\\)=.*/\\1/p'); do unset \"$name\"; done\n");
        void Export(string name, string value) => text.Append("export ").Append(name).Append('=').Append(ShellQuote(value)).Append('\n');
        Export("OS_PROJECT_DOMAIN_NAME", ProjectDomainName);
        Export("OS_USER_DOMAIN_NAME", UserDomainName);
        Export("OS_PROJECT_NAME", ProjectName);
        Export("OS_TENANT_NAME", ProjectName);
        Export("OS_USERNAME", Username);
        Export("OS_PASSWORD", Password.Reveal());
        Export("OS_AUTH_URL", AuthUrl);
        Export("OS_INTERFACE", "internal");
        Export("OS_ENDPOINT_TYPE", "internalURL");
        Export("OS_IDENTITY_API_VERSION", "3");
        Export("OS_REGION_NAME", RegionName);
        Export("OS_AUTH_PLUGIN", "password");
        if (CaCertificate is not null)
        {
            Export("OS_CACERT", CaCertificate);
        }

        return text.ToString();
    }

    /// <summary>The text of <c>clouds.yaml</c> with one cloud, <c>kolla-admin</c>, using the internal endpoints.</summary>
    /// <returns>YAML for openstacksdk; it holds the password, so keep it mode 0600.</returns>
    public string ToCloudsYaml()
    {
        var text = new StringBuilder()
            .Append("# OpenStack admin credentials written by `kolla post-deploy`: openstack --os-cloud kolla-admin ...\n")
            .Append("clouds:\n")
            .Append("  kolla-admin:\n")
            .Append("    auth:\n")
            .Append("      auth_url: ").Append(YamlQuote(AuthUrl)).Append('\n')
            .Append("      project_domain_name: ").Append(YamlQuote(ProjectDomainName)).Append('\n')
            .Append("      user_domain_name: ").Append(YamlQuote(UserDomainName)).Append('\n')
            .Append("      project_name: ").Append(YamlQuote(ProjectName)).Append('\n')
            .Append("      username: ").Append(YamlQuote(Username)).Append('\n')
            .Append("      password: ").Append(YamlQuote(Password.Reveal())).Append('\n')
            .Append("    interface: internal\n")
            .Append("    identity_api_version: 3\n")
            .Append("    region_name: ").Append(YamlQuote(RegionName)).Append('\n');
        if (CaCertificate is not null)
        {
            text.Append("    cacert: ").Append(YamlQuote(CaCertificate)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Never shows the password.</summary>
    public override string ToString() => $"{Username}@{ProjectName} {AuthUrl} ({RegionName})";

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    // A JSON string is a valid YAML double-quoted scalar, escapes included.
    private static string YamlQuote(string value) =>
        Kolla.Serialization.PlainJson.Serialize(value, relaxedEscaping: true);
}
