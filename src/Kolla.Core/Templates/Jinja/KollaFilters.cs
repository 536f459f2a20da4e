using System.Net;
using System.Net.Sockets;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// kolla-ansible's own filters: <c>'api' | kolla_address(host, override_var)</c> and <c>put_address_in_context</c>.
/// </summary>
/// <remarks>
/// <c>kolla_address</c> works as upstream's: the host's <c>&lt;network&gt;_interface</c> and
/// <c>&lt;network&gt;_address_family</c> name an interface and a family, and the address is read from that host's gathered
/// facts (<c>ansible_facts[interface with '-' as '_']</c>): IPv4's primary address (a non-loopback secondary when the
/// primary is a loopback address), IPv6's first global address that is not a VIP. <c>override_var</c> names a host variable
/// that, when set, gives the address instead.
/// </remarks>
internal static class KollaFilters
{
    public static void Register(Dictionary<string, JinjaFilter> filters)
    {
        filters["kolla_address"] = new((v, a, s) => Address(Py.Str(v), a.Find(0, "hostname"), a.Find(1, "override_var"), a, s));
        filters["put_address_in_context"] = new(PutAddressInContext);
    }

    public static FluidValue Address(string network, FluidValue? host, FluidValue? overrideVar, Arguments args, RenderState state)
    {
        MappingValue? vars = null;
        var current = state.Lookup("inventory_hostname", args.Line);
        var currentName = current is JinjaUndefined ? null : Py.Str(current);
        var hostName = host is null || Py.IsNone(host) ? currentName : Py.Str(Py.Defined(host));
        if (hostName is null)
        {
            throw args.Error("'inventory_hostname' is not defined");
        }

        if (state.Lookup("hostvars", args.Line) is MappingValue all && all.TryGet(hostName, args.Line, out var found) && found is MappingValue hostMapping)
        {
            vars = hostMapping;
        }
        else if (hostName == currentName)
        {
            // No hostvars (a plain variable set): the scope being rendered is the host itself.
            vars = new ScopeMappingValue(state.Root, state);
        }

        if (vars is null)
        {
            throw args.Error($"unknown host '{hostName}' (it is not in hostvars)");
        }

        if (overrideVar is not null && !Py.IsNone(overrideVar)
            && TryValue(vars, Py.Str(overrideVar), args, out var overridden))
        {
            var text = Py.Str(overridden);
            return IPAddress.TryParse(text, out var ip) && text.Trim() == text
                ? Values.Text(ip.ToString())
                : throw args.Error($"variable '{Py.Str(overrideVar)}' of host '{hostName}' is '{text}', which is not an IPv4 or IPv6 address");
        }

        return Values.Text(Resolve(vars, hostName, network, args));
    }

    private static string Resolve(MappingValue vars, string hostName, string network, Arguments args)
    {
        if (!TryValue(vars, network + "_interface", args, out var nicValue))
        {
            throw args.Error($"no interface for network '{network}' on host '{hostName}' (set '{network}_interface')");
        }

        if (!TryValue(vars, network + "_address_family", args, out var familyValue))
        {
            throw args.Error($"no address family for network '{network}' on host '{hostName}' (set '{network}_address_family')");
        }

        var nic = Py.Str(nicValue);
        var family = Py.Str(familyValue).ToLowerInvariant();
        if (family is not ("ipv4" or "ipv6"))
        {
            throw args.Error($"address family '{family}' of network '{network}' is neither ipv4 nor ipv6 (set '{network}_address_family')");
        }

        if (!vars.TryGet("ansible_facts", args.Line, out var factsValue) || factsValue is not MappingValue facts)
        {
            throw args.Error($"host '{hostName}' has no facts: gather them (kolla gather-facts) or give a fact cache (--facts-cache)");
        }

        if (!facts.TryGet(nic.Replace('-', '_'), args.Line, out var nicFacts) || nicFacts is not MappingValue nicMapping)
        {
            throw args.Error($"interface '{nic}' ({network}_interface) is not present on host '{hostName}'");
        }

        if (!nicMapping.TryGet(family, args.Line, out var familyFacts) || Py.IsNone(familyFacts) || familyFacts is JinjaUndefined)
        {
            throw args.Error($"interface '{nic}' of host '{hostName}' has no {family} address ({network}_address_family is {family})");
        }

        var address = family == "ipv4" ? IPv4(nicMapping, familyFacts, args) : IPv6(vars, familyFacts, args);
        return address ?? throw args.Error($"interface '{nic}' of host '{hostName}' has no {family} address ({network}_address_family is {family})");
    }

    private static string? IPv4(MappingValue nic, FluidValue primary, Arguments args)
    {
        var address = primary is MappingValue m && TryValue(m, "address", args, out var a) ? Py.Str(a) : null;
        if (address is null || !IsLoopback(address) || !nic.TryGet("ipv4_secondaries", args.Line, out var secondaries) || secondaries is not ArrayValue list)
        {
            return address;
        }

        // A host's own address may sit on the loopback interface as a secondary (BGP to the host): prefer it.
        foreach (var secondary in list.Values)
        {
            if (secondary is MappingValue s && TryValue(s, "address", args, out var value) && !IsLoopback(Py.Str(value)))
            {
                return Py.Str(value);
            }
        }

        return address;
    }

    private static string? IPv6(MappingValue vars, FluidValue addresses, Arguments args)
    {
        if (!vars.TryGet("enable_haproxy", args.Line, out var haproxy) || haproxy is JinjaUndefined)
        {
            throw args.Error("'enable_haproxy' is not defined");
        }

        // With a load balancer, the VIPs may sit on the interface too: they are not the host's address.
        var vips = new HashSet<string>(StringComparer.Ordinal);
        if (AnsibleBool.Convert(haproxy, args))
        {
            foreach (var name in (string[])["kolla_internal_vip_address", "kolla_external_vip_address"])
            {
                if (TryValue(vars, name, args, out var vip))
                {
                    vips.Add(Py.Str(vip));
                }
            }
        }

        if (addresses is not ArrayValue list)
        {
            return null;
        }

        foreach (var entry in list.Values)
        {
            if (entry is MappingValue e && TryValue(e, "scope", args, out var scope) && Py.Str(scope) == "global"
                && TryValue(e, "address", args, out var address) && !vips.Contains(Py.Str(address)))
            {
                return Py.Str(address);
            }
        }

        return null;
    }

    private static bool IsLoopback(string address) => IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip);

    private static bool TryValue(MappingValue vars, string name, Arguments args, out FluidValue value)
    {
        if (!vars.TryGet(name, args.Line, out value) || value is JinjaUndefined || Py.IsNone(value))
        {
            return false;
        }

        return true;
    }

    private static FluidValue PutAddressInContext(FluidValue value, Arguments args, RenderState state)
    {
        var address = Py.Str(value);
        var context = args.String(0, "context", string.Empty);
        var isV6 = IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6;
        return context switch
        {
            "url" => Values.Text(isV6 ? $"[{address}]" : address),
            "memcache" => Values.Text(isV6 ? $"inet6:[{address}]" : address),
            _ => throw args.Error($"unknown context '{context}' (use 'url' or 'memcache')"),
        };
    }
}
