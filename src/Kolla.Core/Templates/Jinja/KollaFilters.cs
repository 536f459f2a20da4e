using System.Net;
using System.Net.Sockets;
using Fluid.Values;

namespace Kolla.Templates.Jinja;

/// <summary>
/// kolla-ansible's own filters: <c>'api' | kolla_address(host)</c> and <c>put_address_in_context</c>.
/// </summary>
/// <remarks>
/// Upstream reads interface addresses from gathered facts. Kolla for .NET has no facts phase, so an address
/// comes from the host's variables: <c>&lt;network&gt;_interface_address</c>, else (for <c>api</c>)
/// <c>ansible_host</c>; another network whose interface is the api interface shares the api address.
/// </remarks>
internal static class KollaFilters
{
    public static void Register(Dictionary<string, JinjaFilter> filters)
    {
        filters["kolla_address"] = new((v, a, s) => Address(Py.Str(v), a.Find(0, "hostname"), a, s));
        filters["put_address_in_context"] = new(PutAddressInContext);
    }

    public static FluidValue Address(string network, FluidValue? host, Arguments args, RenderState state)
    {
        MappingValue? vars = null;
        var current = state.Lookup("inventory_hostname", args.Line);
        var currentName = current is JinjaUndefined ? null : Py.Str(current);
        var hostName = host is null || Py.IsNone(host) ? currentName : Py.Str(Py.Defined(host));
        if (hostName is not null && state.Lookup("hostvars", args.Line) is MappingValue all
            && all.TryGet(hostName, args.Line, out var found) && found is MappingValue hostMapping)
        {
            vars = hostMapping;
        }
        else if (hostName is null || hostName == currentName)
        {
            // No hostvars (a plain variable set): the scope being rendered is the host itself.
            vars = new ScopeMappingValue(state.Root, state);
        }

        if (vars is null)
        {
            throw args.Error($"unknown host '{hostName}' (it is not in hostvars)");
        }

        hostName ??= "(this host)";
        return Resolve(vars, hostName, network, args, state);
    }

    private static FluidValue Resolve(MappingValue vars, string hostName, string network, Arguments args, RenderState state)
    {
        var addressVariable = network + "_interface_address";

        // The variable may itself be defined as "{{ '<network>' | kolla_address }}" (kolla's defaults are):
        // while it is being evaluated it does not count as set, so the lookup falls through instead of looping.
        var selfReference = vars is ScopeMappingValue scoped && state.IsEvaluating(scoped.Scope, addressVariable);
        if (!selfReference && TryText(vars, addressVariable, args, out var address))
        {
            return Values.Text(address);
        }

        if (network == "api")
        {
            if (TryText(vars, "ansible_host", args, out var ansibleHost))
            {
                return Values.Text(ansibleHost);
            }

            throw args.Error($"cannot determine the api address of host '{hostName}': set 'api_interface_address' or 'ansible_host' in its host vars");
        }

        if (TryText(vars, network + "_interface", args, out var nic) && TryText(vars, "api_interface", args, out var apiNic) && nic == apiNic)
        {
            return Resolve(vars, hostName, "api", args, state);
        }

        throw args.Error($"cannot determine the {network} address of host '{hostName}': set '{addressVariable}' in its host vars");
    }

    private static bool TryText(MappingValue vars, string name, Arguments args, out string text)
    {
        text = string.Empty;
        if (!vars.TryGet(name, args.Line, out var value) || value is JinjaUndefined || Py.IsNone(value))
        {
            return false;
        }

        text = Py.Str(value);
        return text.Length > 0;
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
