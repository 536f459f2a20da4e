using Kolla.Inventory;
using Kolla.TestKit;

namespace Kolla.Tests.Inventory;

/// <summary>
/// kolla-ansible's shipped all-in-one and multinode inventories load unchanged and every group resolves
/// to the hosts ansible-core resolves it to (Data/*.groups.txt, generated once with ansible-core 2.14).
/// </summary>
public sealed class ShippedInventoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<Kolla.Inventory.Inventory> Load(string name) =>
        InventoryLoader.LoadAsync(Path.Combine(RepositoryPaths.KollaAnsibleInputs, name), Token);

    private static Dictionary<string, string[]> Expected(string name) =>
        File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "Kolla.Core.Tests", "Inventory", "Data", name + ".groups.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(':', 2))
            .ToDictionary(p => p[0], p => p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    [Theory]
    [InlineData("all-in-one")]
    [InlineData("multinode")]
    public async Task Load_EveryGroup_ResolvesToAnsiblesHosts(string name)
    {
        var inventory = await Load(name);
        var expected = Expected(name);
        var position = inventory.Hosts.Select((h, i) => (h.Name, i)).ToDictionary(x => x.Name, x => x.i);

        inventory.Groups.Keys.Should().Equal(expected.Keys, "groups are created in the same order");
        foreach (var (group, hosts) in expected)
        {
            inventory.Groups[group].Hosts.Select(h => h.Name).OrderBy(h => position[h]).Should().Equal(hosts, group);
        }
    }

    [Fact]
    public async Task Load_Multinode_ServiceGroupsLandOnTheirTopLevelGroups()
    {
        var inventory = await Load("multinode");

        string[] Hosts(string group) => [.. inventory.Groups[group].Hosts.Select(h => h.Name)];

        inventory.Hosts.Select(h => h.Name).Should().Equal(
            "control01", "control02", "control03", "network01", "network02", "compute01", "monitoring01", "storage01", "localhost");
        Hosts("mariadb").Should().Equal("control01", "control02", "control03");
        Hosts("nova-api").Should().Equal("control01", "control02", "control03");
        Hosts("neutron-l3-agent").Should().Equal("network01", "network02");
        Hosts("openvswitch").Should().Equal("network01", "network02", "compute01");
        Hosts("ovn-controller-compute").Should().Equal("compute01");
        Hosts("prometheus").Should().Equal("monitoring01");
        Hosts("deployment").Should().Equal("localhost");
        inventory.Groups.Should().NotContainKey("nova-compute");
        inventory.GetHost("localhost").Vars["ansible_connection"].Should().Be("local");
        inventory.Groups["common"].Children.Should().Equal("control", "network", "compute", "storage", "monitoring");
    }

    [Fact]
    public async Task Load_AllInOne_PutsEverythingOnLocalhost()
    {
        var inventory = await Load("all-in-one");

        inventory.Hosts.Should().ContainSingle().Which.Name.Should().Be("localhost");
        inventory.Groups.Values.Where(g => g.Name != "ungrouped").Should().OnlyContain(g => g.Hosts.Count == 1);
        inventory.GetHost("localhost").GroupNames.Should().Contain(["control", "network", "compute", "storage", "monitoring", "deployment", "mariadb"]);
    }
}
