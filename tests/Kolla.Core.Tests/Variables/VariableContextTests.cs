using Kolla.Templates;
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
    public void Layers_apply_in_precedence_order()
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

    [Fact]
    public void Kolla_ansible_precedence_puts_globals_above_the_inventory()
    {
        var web1 = Build(GlobalsPrecedence.LikeKollaAnsible).ForHost("web1");

        web1.TryGetVariable("network_interface", out var nic, out var layer);

        nic.Should().Be("eth9");
        layer.Should().Be(VariableLayer.Globals);
    }

    [Fact]
    public void Facts_describe_the_host_and_the_inventory()
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
    public void Api_address_comes_from_host_vars_then_ansible_host_then_an_ip_inventory_name()
    {
        var context = Build();
        var renderer = new TemplateRenderer();

        renderer.ResolveVariable(context.ForHost("web1"), "api_interface_address").Should().Be("192.0.2.1");
        renderer.ResolveVariable(context.ForHost("10.1.1.1"), "api_interface_address").Should().Be("10.1.1.1");
        context.ForHost("web2").TryGetVariable("api_interface_address", out _).Should().BeFalse();
    }

    [Fact]
    public void Api_address_given_as_an_extra_var_or_in_globals_beats_the_derived_one()
    {
        var inventory = new InventoryInput(
            [new("web1", D(), D(("ansible_host", "192.0.2.1")))],
            new Dictionary<string, IReadOnlyList<string>> { ["web"] = ["web1"] });
        var renderer = new TemplateRenderer();

        var extra = new VariableContextBuilder().WithInventory(inventory).AddExtraVars(D(("api_interface_address", "10.77.0.2"))).Build();
        var globals = new VariableContextBuilder().WithGlobals(D(("api_interface_address", "10.77.0.3"))).WithInventory(inventory).Build();
        var neither = new VariableContextBuilder().WithInventory(inventory).Build();

        renderer.ResolveVariable(extra.ForHost("web1"), "api_interface_address").Should().Be("10.77.0.2");
        renderer.ResolveVariable(globals.ForHost("web1"), "api_interface_address").Should().Be("10.77.0.3");
        renderer.ResolveVariable(neither.ForHost("web1"), "api_interface_address").Should().Be("192.0.2.1");
    }

    [Fact]
    public void Common_scope_has_everything_but_the_inventory_layers()
    {
        var common = Build().Common;

        common.TryGetVariable("level", out var level).Should().BeTrue();
        level.Should().Be("passwords");
        common.TryGetVariable("only_group", out _).Should().BeFalse();
        common.TryGetVariable("groups", out _).Should().BeTrue();
    }

    [Fact]
    public void Inconsistent_inputs_are_rejected_with_a_clear_message()
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
