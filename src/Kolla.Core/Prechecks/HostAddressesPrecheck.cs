using System.Net;
using Kolla.Variables;

namespace Kolla.Prechecks;

/// <summary>
/// The <c>addresses</c> check of each host that runs containers: <c>network_interface</c> and <c>api_interface</c> are set,
/// every interface in use (also <c>tunnel_interface</c>, <c>migration_interface</c>) is one of the host's and up, and
/// <c>api_interface_address</c> gives an IP address.
/// </summary>
/// <remarks>Interfaces are checked against the host's gathered facts; without facts only the api address is.</remarks>
internal sealed class HostAddressesPrecheck : IPrecheck
{
    private static readonly string[] s_interfaces = ["network_interface", "api_interface", "tunnel_interface", "migration_interface"];

    public IReadOnlyList<PrecheckResult> Check(PrecheckContext context)
    {
        var results = new List<PrecheckResult>();

        // Hosts that run nothing (the deployment host) are not in context.Hosts: they need no address.
        foreach (var host in context.Hosts)
        {
            CheckHost(context, host, results);
        }

        return results;
    }

    private static void CheckHost(PrecheckContext context, string host, List<PrecheckResult> results)
    {
        const string Check = PrecheckNames.Addresses;
        var renderer = context.Renderer;
        var scope = context.Variables.ForHost(host);
        var failed = false;
        var checkedNics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in s_interfaces)
        {
            var nic = PrecheckValues.Text(renderer, scope, name);
            if (nic is not null && !checkedNics.Add(nic))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(nic))
            {
                if (name is "network_interface" or "api_interface")
                {
                    results.Add(new(Check, PrecheckStatus.Failed, $"{host}: {name} is not set (globals.yml or the inventory)", host));
                    failed = true;
                }

                continue;
            }

            if (InterfaceFacts(scope, nic) is not { } facts)
            {
                if (scope.TryGetVariable("ansible_facts", out var all) && all is IReadOnlyDictionary<string, object?>)
                {
                    results.Add(new(Check, PrecheckStatus.Failed, $"{host}: {name} '{nic}' is not an interface of the host", host));
                    failed = true;
                }

                continue;
            }

            if (facts.TryGetValue("active", out var active) && active is false)
            {
                results.Add(new(Check, PrecheckStatus.Failed, $"{host}: {name} '{nic}' is not active (down)", host));
                failed = true;
            }
        }

        if (failed)
        {
            return;
        }

        var (address, error) = PrecheckValues.TextOrError(renderer, scope, "api_interface_address");
        if (error is not null || string.IsNullOrWhiteSpace(address))
        {
            var nic = PrecheckValues.Text(renderer, scope, "api_interface");
            results.Add(new(Check, PrecheckStatus.Failed, $"{host}: no api address on api_interface '{nic}': {error ?? "empty"}", host));
        }
        else if (!IPAddress.TryParse(address, out _))
        {
            results.Add(new(Check, PrecheckStatus.Warning, $"{host}: api_interface_address '{address}' is not an IP address; services bind to it", host));
        }
        else
        {
            results.Add(new(Check, PrecheckStatus.Passed, $"{host}: api_interface_address is {address}", host));
        }
    }

    /// <summary>The facts of interface <paramref name="nic"/> (Ansible names it with '-' as '_'), or null.</summary>
    private static IReadOnlyDictionary<string, object?>? InterfaceFacts(IVariableScope scope, string nic) =>
        scope.TryGetVariable("ansible_facts", out var all) && all is IReadOnlyDictionary<string, object?> facts
            && facts.TryGetValue(nic.Replace('-', '_'), out var value) && value is IReadOnlyDictionary<string, object?> map
            ? map
            : null;
}
