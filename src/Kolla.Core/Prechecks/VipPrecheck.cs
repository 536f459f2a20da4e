using System.Net;
using Kolla.Variables;

namespace Kolla.Prechecks;

/// <summary>
/// The <c>addresses</c> check of the VIPs: <c>kolla_internal_vip_address</c> is set and an IP address (with HAProxy, none of
/// the hosts' own), and <c>kolla_external_vip_address</c>, when it differs, is an IP address.
/// </summary>
internal sealed class VipPrecheck() : Precheck(PrecheckNames.Addresses)
{
    protected override string? Collect(PrecheckContext context, List<PrecheckResult> results)
    {
        var renderer = context.Renderer;
        var hosts = context.Hosts;
        var common = context.Scope(hosts.FirstOrDefault());
        var vip = PrecheckValues.Text(renderer, common, "kolla_internal_vip_address");
        var haproxy = PrecheckValues.Bool(renderer, common, "enable_haproxy") ?? false;
        if (string.IsNullOrWhiteSpace(vip))
        {
            results.Add(Result(PrecheckStatus.Failed, "kolla_internal_vip_address is not set (globals.yml): every internal endpoint uses it"));
        }
        else if (!IPAddress.TryParse(vip, out _))
        {
            results.Add(Result(PrecheckStatus.Failed, $"kolla_internal_vip_address must be an IP address, got '{vip}' (globals.yml)"));
        }
        else
        {
            var owner = haproxy
                ? hosts.FirstOrDefault(h => HostAddresses(context.Variables.ForHost(h)).Contains(vip) || PrecheckValues.Text(renderer, context.Variables.ForHost(h), "api_interface_address") == vip)
                : null;
            results.Add(owner is null
                ? Result(PrecheckStatus.Passed, $"kolla_internal_vip_address is {vip}")
                : Result(PrecheckStatus.Failed, $"kolla_internal_vip_address {vip} is an address of host {owner}; with enable_haproxy the VIP must be an unused address", owner));
        }

        if (PrecheckValues.Text(renderer, common, "kolla_external_vip_address") is { Length: > 0 } external && external != vip && !IPAddress.TryParse(external, out _))
        {
            results.Add(Result(PrecheckStatus.Failed, $"kolla_external_vip_address must be an IP address, got '{external}' (globals.yml)"));
        }

        return null;
    }

    /// <summary>Every address the host's facts list (<c>all_ipv4_addresses</c>, <c>all_ipv6_addresses</c>).</summary>
    private static HashSet<string> HostAddresses(IVariableScope scope)
    {
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        if (scope.TryGetVariable("ansible_facts", out var all) && all is IReadOnlyDictionary<string, object?> facts)
        {
            foreach (var key in (string[])["all_ipv4_addresses", "all_ipv6_addresses"])
            {
                if (facts.TryGetValue(key, out var list) && list is IEnumerable<object?> items)
                {
                    addresses.UnionWith(items.OfType<string>());
                }
            }
        }

        return addresses;
    }
}
