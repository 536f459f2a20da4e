using Kolla.TestKit;
using Kolla.TestKit.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>
/// <c>kolla inventory</c> prints what <c>ansible-inventory</c> prints for kolla-ansible's shipped
/// inventories (the real program, once per view).
/// </summary>
[Trait("Category", "Integration")]
public sealed class InventoryCommandDifferentialTests
{
    private static AnsibleInventoryOracle Oracle()
    {
        if (AnsibleInventoryOracle.TryCreate() is { } oracle)
        {
            return oracle;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(AnsibleInventoryOracle.InstallHint);
        }

        Assert.Skip(AnsibleInventoryOracle.InstallHint);
        return null!;
    }

    [Fact]
    public async Task ListGraphHost_ShippedInventories_SameBytesAsAnsibleInventory()
    {
        var oracle = Oracle();
        var allInOne = Path.Combine(RepositoryPaths.KollaAnsibleInputs, "all-in-one");
        var multinode = Path.Combine(RepositoryPaths.KollaAnsibleInputs, "multinode");
        var cases = new (string[] Ours, string[] Theirs)[]
        {
            (["inventory", "list", "--json", "-i", allInOne], ["-i", allInOne, "--list"]),
            (["inventory", "list", "--json", "-i", multinode], ["-i", multinode, "--list"]),
            (["inventory", "list", "--json", "-i", multinode, "-i", allInOne, "-e", "x=1"], ["-i", multinode, "-i", allInOne, "--list", "-e", "x=1"]),
            (["inventory", "graph", "-i", multinode], ["-i", multinode, "--graph"]),
            (["inventory", "graph", "neutron", "-i", multinode], ["-i", multinode, "--graph", "neutron"]),
            (["inventory", "host", "control01", "-i", multinode], ["-i", multinode, "--host", "control01"]),
            (["inventory", "host", "localhost", "-i", allInOne, "-e", "{\"a\": [1, 2]}"], ["-i", allInOne, "--host", "localhost", "-e", "{\"a\": [1, 2]}"]),
        };

        var theirs = await oracle.RunManyAsync(cases.Select(c => (IReadOnlyList<string>)c.Theirs).ToList(), TestContext.Current.CancellationToken);

        for (var i = 0; i < cases.Length; i++)
        {
            var (code, output, error) = await InventoryCommandTests.RunAsync(cases[i].Ours);
            code.Should().Be(0, error);
            theirs[i].Succeeded.Should().BeTrue(theirs[i].Stderr);
            output.Should().Be(theirs[i].Stdout, string.Join(' ', cases[i].Ours));
        }
    }
}
