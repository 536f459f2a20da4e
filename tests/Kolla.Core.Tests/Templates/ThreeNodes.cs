using Kolla.TestKit;
using Kolla.Variables;

namespace Kolla.Tests.Templates;

/// <summary>A small three-controller inventory used by template and golden tests.</summary>
internal static class ThreeNodes
{
    /// <summary>Each node's facts: control03's interface is ens4 with an IPv6 address only.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Facts { get; } = new Dictionary<string, IReadOnlyDictionary<string, object?>>
    {
        ["control01"] = TestFacts.For("control01", "10.0.0.11").Values,
        ["control02"] = TestFacts.For("control02", "10.0.0.12").Values,
        ["control03"] = TestFacts.For("control03", "fd00::13", nic: "ens4").Values,
    };

    public static VariableContext Context(IReadOnlyDictionary<string, object?>? extra = null, IReadOnlyDictionary<string, object?>? defaults = null, IReadOnlyDictionary<string, object?>? passwords = null)
    {
        var groupVars = new Dictionary<string, object?> { ["my_address"] = "{{ api_interface_address }}" };
        var hosts = new List<InventoryHostInput>
        {
            new("control01", groupVars, new Dictionary<string, object?> { ["api_interface_address"] = "10.0.0.11", ["ansible_host"] = "192.168.1.11" }),
            new("control02", groupVars, new Dictionary<string, object?> { ["ansible_host"] = "10.0.0.12" }),
            new("control03", groupVars, new Dictionary<string, object?> { ["api_interface_address"] = "fd00::13", ["network_interface"] = "ens4", ["api_address_family"] = "ipv6" }),
        };
        var all = new List<string> { "control01", "control02", "control03" };
        var groups = new Dictionary<string, IReadOnlyList<string>>
        {
            ["control"] = all,
            ["memcached"] = all,
            ["rabbitmq"] = all,
            ["mariadb"] = all,
            ["nova-api"] = all,
            ["compute"] = new List<string> { "control03" },
            ["nova-compute"] = new List<string> { "control03" },
        };

        // What kolla-ansible's group_vars give every host: addresses come from the facts of each host's interface.
        var network = new Dictionary<string, object?>
        {
            ["network_interface"] = "eth0",
            ["api_interface"] = "{{ network_interface }}",
            ["network_address_family"] = "ipv4",
            ["api_address_family"] = "{{ network_address_family }}",
            ["api_interface_address"] = "{{ 'api' | kolla_address }}",
            ["enable_haproxy"] = true,
        };
        var builder = new VariableContextBuilder()
            .AddDefaults(network)
            .AddDefaults(defaults ?? new Dictionary<string, object?>())
            .WithFacts(Facts)
            .WithInventory(new InventoryInput(hosts, groups))
            .WithPasswords(passwords ?? new Dictionary<string, object?>());
        if (extra is not null)
        {
            builder.AddExtraVars(extra);
        }

        return builder.Build();
    }
}
