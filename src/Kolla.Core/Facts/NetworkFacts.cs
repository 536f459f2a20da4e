using System.Collections.Frozen;
using System.Globalization;
using System.Net;

namespace Kolla.Facts;

/// <summary>
/// Ansible's Linux network facts: <c>interfaces</c>, one entry per interface, <c>default_ipv4</c>,
/// <c>default_ipv6</c>, <c>all_ipv4_addresses</c> and <c>all_ipv6_addresses</c>.
/// </summary>
/// <remarks>
/// Ansible's <c>LinuxNetwork</c> (without <c>ethtool</c>'s <c>features</c> and timestamping keys), including how it
/// reads <c>ip addr</c> lines: the first primary IPv4 address is <c>ipv4</c>, later ones and secondaries go to
/// <c>ipv4_secondaries</c>, an address labelled <c>eth0:1</c> makes an interface <c>eth0_1</c> of its own, the default
/// routes' addresses are looked up among them, and an interface whose bond has a primary loses the keys read after it.
/// <c>interfaces</c> lists the interfaces in directory order, the order the address lists follow; Ansible's own list
/// comes out in a different order on every run (it passes through a Python set), so only its content can be compared.
/// </remarks>
internal static class NetworkFacts
{
    /// <summary>The address <c>default_ipv4</c> is looked up for (<c>ip -4 route get</c>).</summary>
    public const string RouteV4Target = "8.8.8.8";

    /// <summary>The address <c>default_ipv6</c> is looked up for (<c>ip -6 route get</c>).</summary>
    public const string RouteV6Target = "2404:6800:400a:800::1012";

    /// <summary>The entries of an interface's <c>/sys/class/net</c> directory the facts read.</summary>
    public static readonly IReadOnlyList<string> AttributeNames =
    [
        "ifindex", "address", "mtu", "operstate", "type", "speed", "flags", "bridge", "bridge/bridge_id", "bridge/stp_state",
        "bonding", "bonding/slaves", "bonding/mode", "bonding/miimon", "bonding/lacp_rate", "bonding/primary",
        "bonding/all_slaves_active", "bonding_slave", "bonding_slave/perm_hwaddr", "device", "device/driver/module",
    ];

    /// <summary>The entries of <see cref="AttributeNames"/> that are links, read as the last part of their target.</summary>
    public static readonly FrozenSet<string> LinkAttributes = FrozenSet.Create(StringComparer.Ordinal, "device", "device/driver/module");

    /// <summary>Adds the network facts.</summary>
    public static void Add(OrderedDictionary<string, object?> facts, NetworkSource source)
    {
        var state = new State(ParseRoute(source.RouteV4, RouteV4Target), ParseRoute(source.RouteV6, RouteV6Target));
        foreach (var device in source.Devices)
        {
            AddDevice(state, device, source.Addresses);
        }

        var renamed = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, entry) in state.Interfaces)
        {
            renamed[name.Replace(':', '_')] = entry;
        }

        facts["interfaces"] = renamed.Keys.Cast<object?>().ToList();
        foreach (var (key, entry) in renamed)
        {
            facts[key.Replace('-', '_')] = entry;
        }

        facts["default_ipv4"] = state.DefaultV4;
        facts["default_ipv6"] = state.DefaultV6;
        facts["all_ipv4_addresses"] = state.AllV4;
        facts["all_ipv6_addresses"] = state.AllV6;
    }

    /// <summary>Reads a route lookup's first line as Ansible does: <c>dev</c>, <c>src</c> and <c>via</c> when the line starts with the target.</summary>
    public static OrderedDictionary<string, object?> ParseRoute(string? line, string target)
    {
        var route = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var words = Words(line ?? string.Empty);
        if (words.Length == 0 || words[0] != target)
        {
            return route;
        }

        for (var i = 0; i < words.Length - 1; i++)
        {
            switch (words[i])
            {
                case "dev":
                    route["interface"] = words[i + 1];
                    break;
                case "src":
                    route["address"] = words[i + 1];
                    break;
                case "via" when words[i + 1] != target:
                    route["gateway"] = words[i + 1];
                    break;
            }
        }

        return route;
    }

    private static void AddDevice(State state, DeviceSource device, IReadOnlyList<AddressLine> addresses)
    {
        var entry = Map();
        entry["device"] = device.Name;
        state.Interfaces[device.Name] = entry;
        var attributes = device.Attributes;
        bool Has(string name) => attributes.ContainsKey(name);
        string? Read(string name) => attributes.TryGetValue(name, out var value) ? value : null;

        if (Has("address"))
        {
            state.MacAddress = Read("address") ?? string.Empty;
            if (state.MacAddress.Length > 0 && state.MacAddress != "00:00:00:00:00:00")
            {
                entry["macaddress"] = state.MacAddress;
            }
        }

        PutNumber(entry, "mtu", Has("mtu") ? Read("mtu") : null);
        if (Has("operstate"))
        {
            entry["active"] = Read("operstate") != "down";
        }

        if (Has("device/driver/module"))
        {
            entry["module"] = Read("device/driver/module");
        }

        if (Has("type"))
        {
            entry["type"] = Read("type") switch
            {
                "1" => "ether",
                "32" => "infiniband",
                "512" => "ppp",
                "772" => "loopback",
                "65534" => "tunnel",
                _ => "unknown",
            };
        }

        if (Has("bridge"))
        {
            entry["type"] = "bridge";
            entry["interfaces"] = device.BridgePorts.Cast<object?>().ToList();
            if (Has("bridge/bridge_id"))
            {
                entry["id"] = Read("bridge/bridge_id") ?? string.Empty;
            }

            if (Has("bridge/stp_state"))
            {
                entry["stp"] = Read("bridge/stp_state") == "1";
            }
        }

        // Ansible reuses its path variable for a bond's all_slaves_active, so the entries after it are looked up in the wrong place.
        var pathLost = false;
        if (Has("bonding"))
        {
            entry["type"] = "bonding";
            entry["slaves"] = Words(Read("bonding/slaves") ?? string.Empty).Cast<object?>().ToList();
            entry["mode"] = FirstWord(Read("bonding/mode"));
            entry["miimon"] = FirstWord(Read("bonding/miimon"));
            entry["lacp_rate"] = FirstWord(Read("bonding/lacp_rate"));
            if (Read("bonding/primary") is { } primary)
            {
                entry["primary"] = primary;
                pathLost = true;
                if (Has("bonding/all_slaves_active"))
                {
                    entry["all_slaves_active"] = Read("bonding/all_slaves_active") == "1";
                }
            }
        }

        if (!pathLost)
        {
            if (Has("bonding_slave"))
            {
                entry["perm_macaddress"] = Read("bonding_slave/perm_hwaddr") ?? string.Empty;
            }

            if (Has("device"))
            {
                entry["pciid"] = Read("device");
            }

            PutNumber(entry, "speed", Has("speed") ? Read("speed") : null);
            if (Has("flags") && ParseHex(Read("flags")) is { } flags)
            {
                entry["promisc"] = (flags & 0x100) > 0;
            }
        }

        if (Read("ifindex") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            var own = addresses.Where(a => a.InterfaceIndex == index).ToList();
            foreach (var line in own.Where(a => !a.IsSecondary))
            {
                AddAddress(state, device.Name, line.Words, secondary: false);
            }

            foreach (var line in own.Where(a => a.IsSecondary))
            {
                AddAddress(state, device.Name, line.Words, secondary: true);
            }
        }
    }

    private static void AddAddress(State state, string device, string[] words, bool secondary)
    {
        if (words.Length >= 2 && words[0] == "inet")
        {
            AddIpv4(state, device, words, secondary);
        }
        else if (words.Length >= 4 && words[0] == "inet6")
        {
            AddIpv6(state, device, words);
        }
    }

    private static void AddIpv4(State state, string device, string[] words, bool secondary)
    {
        string address, prefix, broadcast = string.Empty;
        var slash = words[1].Split('/');
        if (slash.Length == 2)
        {
            (address, prefix) = (slash[0], slash[1]);
            if (words.Length > 3 && words[2] == "brd")
            {
                broadcast = words[3];
            }
        }
        else if (slash.Length == 1)
        {
            (address, prefix) = (words[1], "32");
        }
        else
        {
            return;
        }

        if (!IPAddress.TryParse(address, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !int.TryParse(prefix, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits > 32)
        {
            return;
        }

        var value = (uint)IPAddress.NetworkToHostOrder(BitConverter.ToInt32(ip.GetAddressBytes()));
        var mask = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
        var netmask = Dotted(mask);
        var network = Dotted(value & mask);
        OrderedDictionary<string, object?> Info() => new(StringComparer.Ordinal)
        {
            ["address"] = address,
            ["broadcast"] = broadcast,
            ["netmask"] = netmask,
            ["network"] = network,
            ["prefix"] = prefix,
        };

        var label = words[^1];
        if (label != device)
        {
            state.Interfaces[label] = Map();
        }

        var target = state.Interfaces[label];
        if (!secondary && !target.ContainsKey("ipv4"))
        {
            target["ipv4"] = Info();
        }
        else
        {
            List(target, "ipv4_secondaries").Add(Info());
        }

        if (secondary)
        {
            var own = List(state.Interfaces[device], "ipv4_secondaries");
            if (label != device)
            {
                own.Add(Info());
            }
        }

        if (state.DefaultV4.TryGetValue("address", out var defaultAddress) && defaultAddress as string == address)
        {
            state.DefaultV4["broadcast"] = broadcast;
            state.DefaultV4["netmask"] = netmask;
            state.DefaultV4["network"] = network;
            state.DefaultV4["prefix"] = prefix;
            CopyLink(state, device, state.DefaultV4);
            state.DefaultV4["alias"] = label;
        }

        if (!address.StartsWith("127.", StringComparison.Ordinal))
        {
            state.AllV4.Add(address);
        }
    }

    private static void AddIpv6(State state, string device, string[] words)
    {
        string address, prefix, scope;
        if (words[2] == "peer")
        {
            var peer = words.Length > 5 ? words[3].Split('/') : [];
            if (peer.Length != 2)
            {
                return;
            }

            (address, prefix, scope) = (words[1], peer[1], words[5]);
        }
        else
        {
            var slash = words[1].Split('/');
            if (slash.Length != 2)
            {
                return;
            }

            (address, prefix, scope) = (slash[0], slash[1], words[3]);
        }

        List(state.Interfaces[device], "ipv6").Add(new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["address"] = address,
            ["prefix"] = prefix,
            ["scope"] = scope,
        });
        if (state.DefaultV6.TryGetValue("address", out var defaultAddress) && defaultAddress as string == address)
        {
            state.DefaultV6["prefix"] = prefix;
            state.DefaultV6["scope"] = scope;
            CopyLink(state, device, state.DefaultV6);
        }

        if (address != "::1")
        {
            state.AllV6.Add(address);
        }
    }

    private static void CopyLink(State state, string device, OrderedDictionary<string, object?> route)
    {
        var entry = state.Interfaces[device];
        route["macaddress"] = state.MacAddress;
        route["mtu"] = entry.TryGetValue("mtu", out var mtu) ? mtu : null;
        route["type"] = entry.TryGetValue("type", out var type) ? type : "unknown";
    }

    private static List<object?> List(OrderedDictionary<string, object?> map, string key)
    {
        if (map.TryGetValue(key, out var existing) && existing is List<object?> list)
        {
            return list;
        }

        list = [];
        map[key] = list;
        return list;
    }

    private static void PutNumber(OrderedDictionary<string, object?> entry, string key, string? text)
    {
        if (text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var n))
        {
            entry[key] = n;
        }
    }

    private static long? ParseHex(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string FirstWord(string? text) => Words(text ?? string.Empty).FirstOrDefault() ?? string.Empty;

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Dotted(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xff}.{(value >> 8) & 0xff}.{value & 0xff}");

    private static OrderedDictionary<string, object?> Map() => new(StringComparer.Ordinal);

    private sealed class State(OrderedDictionary<string, object?> defaultV4, OrderedDictionary<string, object?> defaultV6)
    {
        public OrderedDictionary<string, OrderedDictionary<string, object?>> Interfaces { get; } = new(StringComparer.Ordinal);

        public OrderedDictionary<string, object?> DefaultV4 { get; } = defaultV4;

        public OrderedDictionary<string, object?> DefaultV6 { get; } = defaultV6;

        public List<object?> AllV4 { get; } = [];

        public List<object?> AllV6 { get; } = [];

        // Ansible's macaddress variable: the last address file read, whichever interface it belonged to.
        public string? MacAddress { get; set; }
    }
}
