using Kolla.Variables;

namespace Kolla.Tests.Templates;

/// <summary>A small three-controller inventory used by template and golden tests.</summary>
internal static class ThreeNodes
{
    public static VariableContext Context(IReadOnlyDictionary<string, object?>? extra = null, IReadOnlyDictionary<string, object?>? defaults = null, IReadOnlyDictionary<string, object?>? passwords = null)
    {
        var groupVars = new Dictionary<string, object?> { ["my_address"] = "{{ api_interface_address }}" };
        var hosts = new List<InventoryHostInput>
        {
            new("control01", groupVars, new Dictionary<string, object?> { ["api_interface_address"] = "10.0.0.11", ["ansible_host"] = "192.168.1.11" }),
            new("control02", groupVars, new Dictionary<string, object?> { ["ansible_host"] = "10.0.0.12" }),
            new("control03", groupVars, new Dictionary<string, object?> { ["api_interface_address"] = "fd00::13", ["network_interface"] = "ens4" }),
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

        var builder = new VariableContextBuilder()
            .AddDefaults(defaults ?? new Dictionary<string, object?>())
            .WithInventory(new InventoryInput(hosts, groups))
            .WithPasswords(passwords ?? new Dictionary<string, object?>());
        if (extra is not null)
        {
            builder.AddExtraVars(extra);
        }

        return builder.Build();
    }
}
