using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>The YAML inventory format with ansible-core 2.14's rules.</summary>
public sealed class YamlInventoryParserTests
{
    private static Kolla.Inventory.Inventory Parse(string text) => InventoryLoader.ParseYaml(text, "hosts.yml");

    [Fact]
    public void Parse_NestedChildren_BuildTheTree()
    {
        var inventory = Parse("""
            all:
              children:
                control:
                  hosts:
                    control[01:02]:
                      ansible_user: kolla
                nova:
                  children:
                    control:
                  vars:
                    nova_flag: yes
            """);

        inventory.Groups["nova"].Children.Should().Equal("control");
        inventory.Groups["nova"].Hosts.Select(h => h.Name).Should().Equal("control01", "control02");
        inventory.Groups["nova"].Vars["nova_flag"].Should().Be(true);
        inventory.GetHost("control02").Vars["ansible_user"].Should().Be("kolla");
        inventory.All.Children.Should().Equal("ungrouped", "control", "nova");
    }

    [Fact]
    public void Parse_SectionAsString_MeansOneHost()
    {
        var inventory = Parse("web:\n  hosts: web1:2222\n");

        inventory.GetHost("web1").Port.Should().Be(2222);
        inventory.Groups["web"].DirectHosts.Select(h => h.Name).Should().Equal("web1");
    }

    [Fact]
    public void Parse_HostsDirectlyInAll_AlsoLandInUngrouped()
    {
        var inventory = Parse("all:\n  hosts:\n    a:\n    b:\nungrouped:\n  hosts:\n    c:\n");

        inventory.Ungrouped.DirectHosts.Select(h => h.Name).Should().Equal("c", "a", "b");
    }

    [Fact]
    public void Parse_UnknownKey_IsSkippedWithAWarning()
    {
        var inventory = Parse("web:\n  hosts:\n    w1:\n  extra:\n    x: 1\n");

        inventory.Warnings.Should().ContainSingle().Which.Should().Contain("Skipping unexpected key (extra) in group (web)");
    }

    [Theory]
    [InlineData("", 1, "Parsed empty YAML file")]
    [InlineData("- a\n- b\n", 1, "YAML inventory has invalid structure, it should be a dictionary, got: list")]
    [InlineData("plugin: aws_ec2\n", 1, "Plugin configuration YAML file, not YAML inventory")]
    [InlineData("web:\n  hosts:\n    - a\n", 2, "Invalid \"hosts\" entry for \"web\" group, requires a dictionary, found \"list\" instead.")]
    [InlineData("web:\n  hosts:\n    1:\n", 3, "Host pattern 1 must be a string. Enclose integers/floats in quotation marks.")]
    [InlineData("web:\n  hosts:\n    a: [1]\n", 3, "Invalid data from file, expected dictionary and got: [1]")]
    [InlineData("web:\n  hosts:\n    w[1:]:\n", 3, "bad host range 'w[1:]': host range must specify end value")]
    [InlineData("a:\n  children:\n    b:\n      children:\n        a:\n", 3, "Adding group 'b' as child to 'a' creates a recursive dependency loop.")]
    public void Parse_Invalid_NamesFileAndLine(string text, int? line, string reason)
    {
        var act = () => Parse(text);

        var error = act.Should().Throw<InventoryException>().Which;
        error.File.Should().Be("hosts.yml");
        error.Line.Should().Be(line);
        error.Reason.Should().Be(reason);
    }
}
