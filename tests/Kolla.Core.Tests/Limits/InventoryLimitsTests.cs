using Kolla.Inventory;

namespace Kolla.Tests.Limits;

/// <summary>
/// The inventory limits (docs/limits.md): hosts a range or an inventory may hold, counted before a host is made, and
/// how deep <c>:children</c> may nest, computed in one pass over the groups.
/// </summary>
public sealed class InventoryLimitsTests
{
    private static Kolla.Inventory.Inventory ParseIni(string text, KollaLimits? limits = null)
    {
        var builder = new InventoryBuilder { CurrentFile = "hosts", Limits = limits ?? KollaLimits.Default };
        IniInventoryParser.Parse(text, "hosts", builder);
        builder.Reconcile();
        return builder.Build();
    }

    [Theory]
    [InlineData("h[0:99999999]", 100_000_000)]
    [InlineData("h[0:9999][0:9999]", 100_000_000)]
    [InlineData("h[0:999999999999999999]", 1_000_000_000_000_000_000)]
    public void Parse_HostRangePastTheLimit_IsRefusedBeforeAnyHostIsMade(string range, long hosts)
    {
        var act = () => ParseIni($"[compute]\n{range} ansible_user=kolla\n");

        act.Should().Throw<InventoryException>().WithMessage(
            $"hosts:2: host range '{range}' stands for {hosts} hosts, more than 100000 (set KOLLA_MAX_INVENTORY_HOSTS to allow more)");
    }

    [Fact]
    public void Parse_YamlHostRangePastTheLimit_IsRefusedAtItsLine()
    {
        var act = () => InventoryLoader.ParseYaml("all:\n  hosts:\n    web[0:9999][0:99]:\n", "hosts.yml");

        act.Should().Throw<InventoryException>().WithMessage("hosts.yml:3: host range 'web[0:9999][0:99]' stands for 1000000 hosts, *");
    }

    [Fact]
    public void Parse_RangesTogetherPastTheLimit_AreRefusedAtTheLineThatCrossesIt()
    {
        var limits = KollaLimits.Default with { MaxInventoryHosts = 250 };

        var act = () => ParseIni("[a]\na[0:99]\n[b]\nb[0:99]\nc[0:99]\n", limits);

        act.Should().Throw<InventoryException>().WithMessage("hosts:5: the inventory holds more than 250 hosts (set KOLLA_MAX_INVENTORY_HOSTS to allow more)");
    }

    [Fact]
    public void Parse_HostRangeAtTheLimit_IsExpandedInOrder()
    {
        var limits = KollaLimits.Default with { MaxInventoryHosts = 200 };

        var inventory = ParseIni("[compute]\nc[01:10]-[a:t]\n", limits);

        inventory.Hosts.Should().HaveCount(200);
        inventory.Hosts.Select(h => h.Name).Take(3).Should().Equal("c01-a", "c01-b", "c01-c");
        inventory.Hosts[^1].Name.Should().Be("c10-t");
    }

    [Fact]
    public void ExpandRanges_ThousandsOfRangesInOneName_AreExpandedWithoutRecursion()
    {
        // ansible recurses once per range (and fails at about a thousand); each range here is one step of a loop.
        var pattern = "h" + string.Concat(Enumerable.Repeat("[0:0]", 100_000)) + "[1:2]";

        HostAddress.ExpandRanges(pattern).Should().Equal("h" + new string('0', 100_000) + "1", "h" + new string('0', 100_000) + "2");
    }

    [Fact]
    public void Parse_ChildrenNestedPastTheDepthLimit_IsRefusedNamingTheGroupFileAndLine()
    {
        var chain = "[g0]\nh0\n" + string.Concat(Enumerable.Range(1, 5000).Select(i => $"[g{i}:children]\ng{i - 1}\n"));

        var act = () => ParseIni(chain);

        // g5000 sits right under all, so g4000 is 1001 levels below it; its section header is on line 2 * 4000 + 1.
        act.Should().Throw<InventoryException>().WithMessage("hosts:8001: group 'g4000' is nested more than 1000 levels below 'all'");
    }

    [Fact]
    public void Parse_ChildrenNestedToTheLimit_HaveTheirDepthAndHosts()
    {
        // Written top-down this time: each new child hangs under the whole chain above it.
        var chain = string.Concat(Enumerable.Range(1, 999).Select(i => $"[g{i}:children]\ng{i + 1}\n")) + "[g1000]\nh0\n";

        var inventory = ParseIni(chain);

        inventory.Groups["g1000"].Depth.Should().Be(1000);
        inventory.Groups["g1"].Hosts.Select(h => h.Name).Should().Equal("h0");
        inventory.Hosts[0].GroupNames.Should().HaveCount(1000);
    }

    [Fact]
    public void Parse_CycleClosedAtTheEndOfALongChain_IsStillFound()
    {
        var chain = string.Concat(Enumerable.Range(1, 500).Select(i => $"[g{i}:children]\ng{i + 1}\n")) + "[g501:children]\ng1\n";

        var act = () => ParseIni(chain);

        act.Should().Throw<InventoryException>().WithMessage("*Adding group 'g1' as child to 'g501' creates a recursive dependency loop.");
    }
}
