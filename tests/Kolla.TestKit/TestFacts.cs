using System.Net;
using System.Text.Json;
using Kolla.Facts;
using Kolla.Planning;
using Kolla.Templates;

namespace Kolla.TestKit;

/// <summary>
/// Ansible-shaped facts for test hosts that do not exist: one interface (the host's <c>api_interface</c>, else
/// <c>network_interface</c>) carrying an IPv4 address, plus <c>lo</c>. Shapes and key names are those Ansible's
/// <c>setup</c> module reports.
/// </summary>
public static class TestFacts
{
    /// <summary>Facts of one host.</summary>
    public static HostFacts For(string host, string address, string nic = "eth0", long vcpus = 8, long memTotalMb = 5120, string? hostname = null)
    {
        var isV6 = IPAddress.Parse(address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        var values = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["hostname"] = hostname ?? host.Split('.')[0],
            ["nodename"] = hostname ?? host,
            ["fqdn"] = hostname ?? host,
            ["processor_vcpus"] = vcpus,
            ["memtotal_mb"] = memTotalMb,
            ["architecture"] = "x86_64",
            ["os_family"] = "Debian",
            ["distribution"] = "Debian",
            ["distribution_version"] = "12.9",
            ["distribution_major_version"] = "12",
            ["distribution_release"] = "bookworm",
            ["interfaces"] = nic == "lo" ? new List<object?> { "lo" } : new List<object?> { nic, "lo" },
            ["lo"] = Interface("lo", "127.0.0.1", "255.0.0.0", "127.0.0.0", "8", [V6("::1", "128", "host")], "loopback"),
            ["all_ipv4_addresses"] = isV6 ? new List<object?>() : new List<object?> { address },
            ["all_ipv6_addresses"] = isV6 ? new List<object?> { address } : new List<object?>(),
            ["default_ipv6"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal),
        };
        if (nic != "lo")
        {
            values[nic.Replace('-', '_')] = isV6
                ? Interface(nic, null, null, null, null, [V6(address, "64", "global"), V6("fe80::1", "64", "link")], "ether")
                : Interface(nic, address, "255.255.255.0", Network(address), "24", [V6("fe80::1", "64", "link")], "ether");
        }
        else if (address != "127.0.0.1")
        {
            ((OrderedDictionary<string, object?>)values["lo"]!)["ipv4_secondaries"] = new List<object?> { Ipv4(address, "255.255.255.255", address, "32") };
        }

        values["default_ipv4"] = isV6 ? new OrderedDictionary<string, object?>(StringComparer.Ordinal) : new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["address"] = address,
            ["interface"] = nic,
        };
        return new HostFacts(host, values);
    }

    /// <summary>
    /// Facts for every inventory host of <paramref name="inputs"/> that has none: the address is the host's
    /// <c>api_interface_address</c>, else <c>ansible_host</c>, else its name when that is an address, else 127.0.0.1; the
    /// interface is its <c>api_interface</c>.
    /// </summary>
    public static DeploymentInputs WithTestFacts(this DeploymentInputs inputs, long vcpus = 8, long memTotalMb = 5120)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var context = DeploymentVariables.Create(inputs);
        var renderer = new TemplateRenderer();
        var facts = new Dictionary<string, HostFacts>(inputs.Facts, StringComparer.Ordinal);
        foreach (var host in inputs.Inventory.Hosts.Where(h => !facts.ContainsKey(h.Name)))
        {
            var scope = context.ForHost(host.Name);
            string? Text(string name)
            {
                try
                {
                    return scope.TryGetVariable(name, out var raw) && raw is not null && renderer.ResolveVariable(scope, name) is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
                }
                catch (KollaException)
                {
                    return null;
                }
            }

            var explicitAddress = scope.TryGetVariable("api_interface_address", out _, out var layer) && layer != Kolla.Variables.VariableLayer.Defaults ? Text("api_interface_address") : null;
            var address = explicitAddress is { Length: > 0 } given ? given
                : Text("ansible_host") is { Length: > 0 } ansibleHost && IPAddress.TryParse(ansibleHost, out _) ? ansibleHost
                : IPAddress.TryParse(host.Name, out _) ? host.Name
                : "127.0.0.1";
            var nic = Text("api_interface") ?? Text("network_interface") ?? "eth0";
            facts[host.Name] = For(host.Name, address, nic, vcpus, memTotalMb);
        }

        return inputs with { Facts = facts };
    }

    /// <summary>Writes facts as Ansible's <c>jsonfile</c> cache does: <c>DIR/&lt;host&gt;</c>, every key prefixed with <c>ansible_</c>.</summary>
    public static void WriteCache(string directory, IEnumerable<HostFacts> facts)
    {
        Directory.CreateDirectory(directory);
        foreach (var host in facts)
        {
            var prefixed = host.Values.ToDictionary(p => "ansible_" + p.Key, p => p.Value, StringComparer.Ordinal);
            prefixed["module_setup"] = true;
            File.WriteAllText(Path.Combine(directory, host.Host), JsonSerializer.Serialize(prefixed));
        }
    }

    private static OrderedDictionary<string, object?> Interface(string device, string? address, string? netmask, string? network, string? prefix, List<object?> v6, string type)
    {
        var map = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["active"] = true,
            ["device"] = device,
            ["mtu"] = device == "lo" ? 65536L : 1500L,
            ["promisc"] = false,
            ["type"] = type,
            ["ipv6"] = v6,
        };
        if (address is not null)
        {
            map["ipv4"] = Ipv4(address, netmask!, network!, prefix!);
        }

        return map;
    }

    private static OrderedDictionary<string, object?> Ipv4(string address, string netmask, string network, string prefix) => new(StringComparer.Ordinal)
    {
        ["address"] = address,
        ["broadcast"] = "",
        ["netmask"] = netmask,
        ["network"] = network,
        ["prefix"] = prefix,
    };

    private static OrderedDictionary<string, object?> V6(string address, string prefix, string scope) => new(StringComparer.Ordinal)
    {
        ["address"] = address,
        ["prefix"] = prefix,
        ["scope"] = scope,
    };

    private static string Network(string address)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();
        bytes[3] = 0;
        return new IPAddress(bytes).ToString();
    }
}
