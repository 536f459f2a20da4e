using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>The INI inventory format with ansible-core 2.14's rules.</summary>
public sealed class IniInventoryParserTests
{
    private static Kolla.Inventory.Inventory Parse(string text) => InventoryLoader.ParseIni(text, "hosts");

    private static string[] Names(IEnumerable<InventoryHost> hosts) => hosts.Select(h => h.Name).ToArray();

    [Fact]
    public void Parse_HostsBeforeAnySection_AreUngrouped()
    {
        var inventory = Parse("lonely\n[web]\nweb1\n");

        Names(inventory.Ungrouped.Hosts).Should().Equal("lonely");
        inventory.All.Children.Should().Equal("ungrouped", "web");
    }

    [Fact]
    public void Parse_HostInUngroupedAndAGroup_LeavesUngrouped()
    {
        var inventory = Parse("both\n[web]\nboth\n");

        inventory.Ungrouped.Hosts.Should().BeEmpty();
        inventory.GetHost("both").GroupNames.Should().Equal("web");
    }

    [Fact]
    public void Parse_UngroupedUnderARealGroup_LeavesItsHostsInNoGroup()
    {
        // ansible's reconcile removes the host from ungrouped (it is also "in" g through ungrouped), which
        // leaves it in no group: ansible-inventory --list then omits it, --host still shows it.
        var inventory = Parse("h1 x=1\n[g:children]\nungrouped\n[g]\nh2\n");

        inventory.All.Hosts.Select(h => h.Name).Should().Equal("h2");
        inventory.GetHost("h1").GroupNames.Should().BeEmpty();
        AnsibleInventoryFormatter.FormatList(inventory).Should().NotContain("\"h1\"");
        AnsibleInventoryFormatter.FormatHost(inventory, "h1").Should().Be("{\n    \"x\": 1\n}\n");
    }

    [Fact]
    public void Parse_HostsSection_KeepsOrderOfFirstAppearance()
    {
        var inventory = Parse("[b]\nh3\nh1\n[a]\nh2\nh1\n[b:hosts]\nh4\n");

        Names(inventory.Hosts).Should().Equal("h3", "h1", "h2", "h4");
        Names(inventory.Groups["b"].DirectHosts).Should().Equal("h3", "h1", "h4");
    }

    [Fact]
    public void Parse_Range_ExpandsWithLeadingZeros()
    {
        var inventory = Parse("[compute]\ncompute[01:03] ansible_user=kolla\n");

        Names(inventory.Groups["compute"].Hosts).Should().Equal("compute01", "compute02", "compute03");
        inventory.GetHost("compute02").Vars["ansible_user"].Should().Be("kolla");
    }

    [Fact]
    public void Parse_HostWithPort_SetsAnsiblePortOnlyWhenFirstSeen()
    {
        var inventory = Parse("[a]\nh1:2222\n[b]\nh1:3333\nh2 ansible_port=44\n");

        inventory.GetHost("h1").Port.Should().Be(2222);
        inventory.GetHost("h1").Vars["ansible_port"].Should().Be(2222L);
        inventory.GetHost("h2").Port.Should().Be(44);
    }

    [Fact]
    public void Parse_InlineValues_TypedLikeLiteralEval()
    {
        var inventory = Parse("[g]\nh a=1 b=yes c=True d=\"'07'\" e=07 f=1.5 g=[1,2] h=\"x y\" i=None k=0x1F\n");

        var vars = inventory.GetHost("h").Vars;
        vars["a"].Should().Be(1L);
        vars["b"].Should().Be("yes");
        vars["c"].Should().Be(true);
        vars["d"].Should().Be("07");
        vars["e"].Should().Be("07");
        vars["f"].Should().Be(1.5);
        vars["g"].Should().BeOfType<List<object?>>().Which.Should().Equal(1L, 2L);
        vars["h"].Should().Be("x y");
        vars["i"].Should().BeNull();
        vars["k"].Should().Be(31L);
    }

    [Fact]
    public void Parse_GroupVars_AreTypedToo()
    {
        // ansible's documentation says [g:vars] values stay strings; ansible-core 2.14's code (and
        // ansible-inventory's output) types them like host values. We follow the code.
        var inventory = Parse("[g]\nh\n[g:vars]\nport = 8080\nflag=True\nname = \"quoted\"\ntext = hello world # not a comment\nnum = 1 # a comment\n");

        var vars = inventory.Groups["g"].Vars;
        vars["port"].Should().Be(8080L);
        vars["flag"].Should().Be(true);
        vars["name"].Should().Be("quoted");
        vars["text"].Should().Be("hello world # not a comment");
        vars["num"].Should().Be(1L);
    }

    [Fact]
    public void Parse_Comments_AreIgnored()
    {
        var inventory = Parse("# top\n; also\n[web]   # trailing\nweb1 # after host\n  # indented\n");

        Names(inventory.Hosts).Should().Equal("web1");
        inventory.GetHost("web1").Vars.Should().BeEmpty();
    }

    [Fact]
    public void Parse_ChildrenDeclaredLater_AreResolvedInDeclarationOrder()
    {
        var inventory = Parse("[parent:children]\nlate\nearly\n[early]\ne1\n[late]\nl1\n");

        // ansible attaches a pending child when its own section appears, so 'early' comes first.
        inventory.Groups["parent"].Children.Should().Equal("early", "late");
        Names(inventory.Groups["parent"].Hosts).Should().Equal("e1", "l1");
        inventory.All.Children.Should().Equal("ungrouped", "parent");
    }

    [Fact]
    public void Parse_NestedChildren_ResolveMembershipAndDepth()
    {
        var inventory = Parse("[control]\nc1\n[nova:children]\ncontrol\n[nova-api:children]\nnova\n");

        Names(inventory.Groups["nova-api"].Hosts).Should().Equal("c1");
        inventory.Groups["nova-api"].Depth.Should().Be(1);
        inventory.Groups["nova"].Depth.Should().Be(2);
        inventory.Groups["control"].Depth.Should().Be(3);
        inventory.GetHost("c1").GroupNames.Should().Equal("control", "nova", "nova-api");
    }

    [Fact]
    public void Parse_GroupPriority_SetsPriorityNotAVariable()
    {
        var inventory = Parse("[g]\nh\n[g:vars]\nansible_group_priority=10\n");

        inventory.Groups["g"].Priority.Should().Be(10);
        inventory.Groups["g"].Vars.Should().NotContainKey("ansible_group_priority");
    }

    [Fact]
    public void Parse_VarsBeforeGroup_IsAllowedWhenTheGroupIsDeclaredLater()
    {
        var inventory = Parse("[g:vars]\nx=1\n[g]\nh\n");

        inventory.Groups["g"].Vars["x"].Should().Be(1L);
    }

    [Fact]
    public void Parse_RecordsWhereThingsWereDeclared()
    {
        var inventory = Parse("\n[web]\n\nweb1\n");

        inventory.GetHost("web1").Location.Should().Be(new InventoryLocation("hosts", 4));
        inventory.Groups["web"].Location.Should().Be(new InventoryLocation("hosts", 2));
    }

    [Theory]
    [InlineData("[web]\nweb[1:]\n", 2, "bad host range 'web[1:]': host range must specify end value")]
    [InlineData("[web]\nweb[a:5]\n", 2, "bad host range 'web[a:5]': invalid literal for int() with base 10: 'a'")]
    [InlineData("[web]\nweb1 novalue\n", 2, "Expected key=value host variable assignment, got: novalue")]
    [InlineData("[web]\nweb1\n[web:vars]\nnoequals\n", 4, "Expected key=value, got: noequals")]
    [InlineData("[web:weird]\nx\n", 1, "Section [web:weird] has unknown type: weird")]
    [InlineData("[a:children]\nb\n[x]\nh\n", 2, "Section [a:children] includes undefined group: b")]
    [InlineData("[a:children]\nb\n[b:vars]\nx=1\n", 2, "Section [a:children] includes undefined group: b")]
    [InlineData("[a]\nh\n[ghost:vars]\nx=1\n", 3, "Section [ghost:vars] not valid for undefined group: ghost")]
    [InlineData("[a:children]\nb\n[b:children]\na\n", 4, "Adding group 'a' as child to 'b' creates a recursive dependency loop.")]
    [InlineData("[a:children]\na\n", 2, "can't add group 'a' to itself")]
    [InlineData("[a]\nh\n[bad section]\n", 3, "Invalid section entry: '[bad section]'. Please make sure that there are no spaces in the section entry, and that there are no other invalid characters")]
    [InlineData("[a]\nh x=\"abc\n", 2, "Error parsing host definition 'h x=\"abc': No closing quotation")]
    [InlineData("[a]\nhost:\n", 2, "Invalid host pattern 'host:' supplied, ending in ':' is not allowed, this character is reserved to provide a port.")]
    [InlineData("[a:children]\nb c\n", 2, "Expected group name, got: b c")]
    public void Parse_Invalid_NamesFileAndLine(string text, int line, string reason)
    {
        var act = () => Parse(text);

        var error = act.Should().Throw<InventoryException>().Which;
        error.File.Should().Be("hosts");
        error.Line.Should().Be(line);
        error.Reason.Should().Be(reason);
        error.Message.Should().Be($"hosts:{line}: {reason}");
    }

    [Fact]
    public void Parse_UndefinedChild_ReportsTheFirstPendingDeclaration()
    {
        var act = () => Parse("[a:children]\nmissing1\n[b:children]\nmissing2\n");

        act.Should().Throw<InventoryException>().WithMessage("hosts:2: Section [a:children] includes undefined group: missing1");
    }
}
