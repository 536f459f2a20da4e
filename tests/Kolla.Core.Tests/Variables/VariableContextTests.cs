using Kolla.Templates;
using Kolla.TestKit;
using Kolla.Variables;

namespace Kolla.Tests.Variables;

public class VariableContextTests
{
    private static Dictionary<string, object?> D(params (string Key, object? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    private static VariableContext Build(GlobalsPrecedence precedence = GlobalsPrecedence.BelowInventory) =>
        new VariableContextBuilder()
            .AddDefaults(D(("level", "defaults"), ("only_default", "d"), ("network_interface", "eth0")))
            .AddDefaults(D(("service_default", "s")))
            .WithGlobals(D(("level", "globals"), ("only_globals", "g"), ("network_interface", "eth9")))
            .WithGlobalsPrecedence(precedence)
            .WithInventory(new InventoryInput(
                [
                    new("web1", D(("level", "group"), ("only_group", "gr")), D(("level", "host"), ("network_interface", "ens3"), ("ansible_host", "192.0.2.1"))),
                    new("web2", D(("level", "group")), D()),
                    new("10.1.1.1", D(), D()),
                ],
                new Dictionary<string, IReadOnlyList<string>> { ["web"] = ["web1", "web2"], ["db"] = ["web2"] }))
            .WithPasswords(D(("level", "passwords"), ("db_password", "pw")))
            .AddExtraVars(D(("only_extra", "x")))
            .Build();

    [Fact]
    public void Layers_ApplyInPrecedenceOrder()
    {
        var context = Build();
        var web1 = context.ForHost("web1");

        web1.TryGetVariable("level", out var level, out var layer).Should().BeTrue();
        level.Should().Be("passwords");
        layer.Should().Be(VariableLayer.Passwords);
        web1.Explain("level").Select(e => e.Layer).Should().Equal(
            VariableLayer.Passwords, VariableLayer.HostVars, VariableLayer.GroupVars, VariableLayer.Globals, VariableLayer.Defaults);
        web1.Explain("network_interface")[0].Should().Be((VariableLayer.HostVars, (object?)"ens3"));
        web1.TryGetVariable("service_default", out var s).Should().BeTrue();
        s.Should().Be("s");
        web1.TryGetVariable("only_extra", out _, out var extraLayer).Should().BeTrue();
        extraLayer.Should().Be(VariableLayer.ExtraVars);
    }

    [Theory]
    [InlineData(GlobalsPrecedence.BelowInventory)]
    [InlineData(GlobalsPrecedence.LikeKollaAnsible)]
    public void Lookups_AnswerAsTheLayersOneAfterTheOther(GlobalsPrecedence precedence)
    {
        // Adjacent layers every host shares are looked up as one merged dictionary; Explain walks the layers themselves.
        var context = Build(precedence);
        foreach (var host in context.HostNames.Select(context.ForHost))
        {
            foreach (var name in host.VariableNames.Append("not_a_variable"))
            {
                var explained = host.Explain(name);
                host.TryGetVariable(name, out var value, out var layer).Should().Be(explained.Count > 0, name);
                if (explained.Count > 0)
                {
                    (layer, value).Should().Be(explained[0], $"{host.HostName}: {name}");
                }
            }
        }
    }

    [Fact]
    public void Lookups_KeepALayersOwnComparer()
    {
        // A layer that answers names it does not list (another comparer) is not merged with its neighbours.
        var globals = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["Level"] = "globals" };
        var web1 = new VariableContextBuilder()
            .WithGlobals(globals)
            .WithGlobalsPrecedence(GlobalsPrecedence.LikeKollaAnsible)
            .WithInventory(new InventoryInput([new("web1", D(), D())], new Dictionary<string, IReadOnlyList<string>>()))
            .WithPasswords(D(("db_password", "pw")))
            .Build()
            .ForHost("web1");

        web1.TryGetVariable("level", out var level, out var layer).Should().BeTrue();
        (layer, level).Should().Be((VariableLayer.Globals, (object?)"globals"));
    }

    [Fact]
    public void Kolla_AnsiblePrecedencePutsGlobalsAboveTheInventory()
    {
        var web1 = Build(GlobalsPrecedence.LikeKollaAnsible).ForHost("web1");

        web1.TryGetVariable("network_interface", out var nic, out var layer);

        nic.Should().Be("eth9");
        layer.Should().Be(VariableLayer.Globals);
    }

    [Fact]
    public void Facts_DescribeTheHostAndTheInventory()
    {
        var context = Build();
        var web2 = context.ForHost("web2");
        var renderer = new TemplateRenderer();

        renderer.ResolveVariable(web2, "inventory_hostname").Should().Be("web2");
        renderer.ResolveVariable(web2, "group_names").Should().BeEquivalentTo(new List<object?> { "db", "web" }, o => o.WithStrictOrdering());
        renderer.ResolveVariable(context.ForHost("10.1.1.1"), "group_names").Should().BeEquivalentTo(new List<object?> { "ungrouped" });
        context.Groups["all"].Should().Equal("web1", "web2", "10.1.1.1");
        context.Groups["ungrouped"].Should().Equal("10.1.1.1");
        renderer.Render("{{ groups['web'] | join(',') }} {{ hostvars['web1'].only_group }} {{ hostvars | length }}", "t", web2).Should().Be("web1,web2 gr 3");
    }

    [Fact]
    public void Facts_AreReachableAsAnsibleFactsAsInjectedAnsibleVarsAndThroughHostvars()
    {
        var inventory = new InventoryInput(
            [new("web1", D(), D()), new("web2", D(), D())],
            new Dictionary<string, IReadOnlyList<string>> { ["web"] = ["web1", "web2"] });
        var context = new VariableContextBuilder()
            .WithInventory(inventory)
            .WithFacts(new Dictionary<string, IReadOnlyDictionary<string, object?>>
            {
                ["web1"] = TestFacts.For("web1", "192.0.2.1", hostname: "node-a").Values,
                ["web2"] = TestFacts.For("web2", "192.0.2.2", vcpus: 2, hostname: "node-b").Values,
            })
            .Build();
        var renderer = new TemplateRenderer();

        renderer.Render("{{ ansible_facts.hostname }} {{ ansible_hostname }} {{ ansible_facts.eth0.ipv4.address }}", "t", context.ForHost("web1")).Should().Be("node-a node-a 192.0.2.1");
        renderer.Render("{{ hostvars['web2'].ansible_facts.hostname }} {{ hostvars['web2'].ansible_processor_vcpus }}", "t", context.ForHost("web1")).Should().Be("node-b 2");
        context.ForHost("web1").TryGetVariable("ansible_facts", out _, out var layer).Should().BeTrue();
        layer.Should().Be(VariableLayer.HostFacts);
    }

    [Fact]
    public void Facts_SitAboveInventoryHostVarsAndBelowExtraVarsAsInAnsible()
    {
        var inventory = new InventoryInput([new("web1", D(), D(("ansible_hostname", "from-inventory")))], new Dictionary<string, IReadOnlyList<string>>());
        var facts = new Dictionary<string, IReadOnlyDictionary<string, object?>> { ["web1"] = TestFacts.For("web1", "192.0.2.1", hostname: "from-facts").Values };

        var plain = new VariableContextBuilder().WithInventory(inventory).WithFacts(facts).Build();
        var extra = new VariableContextBuilder().WithInventory(inventory).WithFacts(facts).AddExtraVars(D(("ansible_hostname", "from-extra"))).Build();

        plain.ForHost("web1").TryGetVariable("ansible_hostname", out var value).Should().BeTrue();
        value.Should().Be("from-facts");
        extra.ForHost("web1").TryGetVariable("ansible_hostname", out value).Should().BeTrue();
        value.Should().Be("from-extra");
    }

    [Fact]
    public void Common_ScopeHasEverythingButTheInventoryLayers()
    {
        var common = Build().Common;

        common.TryGetVariable("level", out var level).Should().BeTrue();
        level.Should().Be("passwords");
        common.TryGetVariable("only_group", out _).Should().BeFalse();
        common.TryGetVariable("groups", out _).Should().BeTrue();
    }

    [Fact]
    public void Inconsistent_InputsAreRejectedWithAClearMessage()
    {
        var unknownHost = () => new VariableContextBuilder()
            .WithInventory(new InventoryInput([new("a", D(), D())], new Dictionary<string, IReadOnlyList<string>> { ["g"] = ["b"] }))
            .Build();
        var duplicate = () => new VariableContextBuilder()
            .WithInventory(new InventoryInput([new("a", D(), D()), new("a", D(), D())], new Dictionary<string, IReadOnlyList<string>>()))
            .Build();

        unknownHost.Should().Throw<VariableContextException>().WithMessage("group 'g' lists host 'b', which is not in the inventory input");
        duplicate.Should().Throw<VariableContextException>().WithMessage("host 'a' appears twice in the inventory input");
        Build().Invoking(c => c.ForHost("nope")).Should().Throw<KeyNotFoundException>();
    }
}
