using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Kolla.Globals;

/// <summary>
/// Checks <see cref="KollaOptions"/> on start: required addresses, known distro and strategies, absolute
/// paths, sane interface names and timeouts. Each failure names the globals key to fix.
/// </summary>
public sealed partial class KollaOptionsValidator : IValidateOptions<KollaOptions>
{
    private static readonly string[] Distros = ["rocky", "debian", "ubuntu"];
    private static readonly string[] Strategies = ["COPY_ALWAYS", "COPY_ONCE"];
    private static readonly string[] RestartPolicies = ["no", "on-failure", "always", "unless-stopped", "oneshot"];

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex DockerTag();

    [GeneratedRegex(@"^[A-Za-z0-9_.:@\-]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex InterfaceName();

    /// <summary>Validates the options; the result lists every problem.</summary>
    public ValidateOptionsResult Validate(string? name, KollaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Absolute(failures, "--configdir (ConfigDirectory)", options.ConfigDirectory);
        Absolute(failures, "node_config_directory", options.NodeConfigDirectory);
        Absolute(failures, "node_custom_config", options.NodeCustomConfig);
        Absolute(failures, "container_config_directory", options.ContainerConfigDirectory);
        OneOf(failures, "kolla_base_distro", options.BaseDistro, Distros);
        OneOf(failures, "config_strategy", options.ConfigStrategy, Strategies);
        OneOf(failures, "docker_restart_policy", options.DockerRestartPolicy, RestartPolicies);
        OneOf(failures, "kolla_container_engine", options.ContainerEngine, ["docker"]);
        if (string.IsNullOrWhiteSpace(options.InternalVipAddress))
        {
            if (options.HaproxyEnabled)
            {
                failures.Add("kolla_internal_vip_address must be set (an unused IP address on the api network)");
            }
        }
        else if (!IPAddress.TryParse(options.InternalVipAddress, out _))
        {
            failures.Add($"kolla_internal_vip_address must be an IP address, got '{options.InternalVipAddress}'");
        }

        if (!string.IsNullOrWhiteSpace(options.ExternalVipAddress) && !IPAddress.TryParse(options.ExternalVipAddress, out _))
        {
            failures.Add($"kolla_external_vip_address must be an IP address, got '{options.ExternalVipAddress}'");
        }

        foreach (var (key, value) in new[]
        {
            ("network_interface", options.NetworkInterface),
            ("api_interface", options.ApiInterface),
            ("tunnel_interface", options.TunnelInterface),
            ("neutron_external_interface", options.NeutronExternalInterface),
        })
        {
            if (!InterfaceName().IsMatch(value ?? string.Empty))
            {
                failures.Add($"{key} must be a network interface name, got '{value}'");
            }
        }

        if (string.IsNullOrWhiteSpace(options.DockerNamespace))
        {
            failures.Add("docker_namespace must not be empty");
        }

        if (!DockerTag().IsMatch(options.OpenStackTag ?? string.Empty))
        {
            failures.Add($"openstack_tag must be a valid image tag, got '{options.OpenStackTag}'");
        }

        if (options.DockerRestartPolicyRetry < 0)
        {
            failures.Add("docker_restart_policy_retry must not be negative");
        }

        if (options.DockerGracefulTimeout < 0)
        {
            failures.Add("docker_graceful_timeout must not be negative");
        }

        if (options.DockerClientTimeout <= 0)
        {
            failures.Add("docker_client_timeout must be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Absolute(List<string> failures, string key, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/'))
        {
            failures.Add($"{key} must be an absolute path, got '{path}'");
        }
    }

    private static void OneOf(List<string> failures, string key, string? value, string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            failures.Add($"{key} must be one of {string.Join(", ", allowed)}, got '{value}'");
        }
    }
}
