using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>Inventory variable precedence: group vars (all, then by depth, priority, name) &lt; host vars &lt; extra vars.</summary>
public sealed class InventoryVarsLayersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-vars-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);

    [Fact]
    public void Merge_EveryLayer_HigherWins()
    {
        var inventory = InventoryLoader.ParseIni("""
            [control]
            c1 from_host=host from_extra=host
            [nova:children]
            control
            [all:vars]
            from_all=all
            from_group=all
            from_host=all
            [nova:vars]
            from_group=nova
            from_host=nova
            """);
        var extra = Map(("from_extra", "extra"));

        var vars = InventoryVarsLayers.ForHost(inventory, "c1", extra).Merge();

        vars["from_all"].Should().Be("all");
        vars["from_group"].Should().Be("nova");
        vars["from_host"].Should().Be("host");
        vars["from_extra"].Should().Be("extra");
    }

    [Fact]
    public void ForHost_Groups_ParentsBeforeChildrenThenPriorityThenName()
    {
        var inventory = InventoryLoader.ParseIni("""
            [zz]
            h
            [aa]
            h
            [child]
            h
            [parent:children]
            child
            [zz:vars]
            x=zz
            [aa:vars]
            x=aa
            [parent:vars]
            x=parent
            y=parent
            [child:vars]
            y=child
            """);

        var layers = InventoryVarsLayers.ForHost(inventory, "h");

        // depth 1: aa, parent, zz (by name); depth 2: child. all and h have no variables, so no layer.
        layers.Layers.Select(l => l.Name).Should().Equal("group aa", "group parent", "group zz", "group child");
        layers.Merge()["x"].Should().Be("zz");
        layers.Merge()["y"].Should().Be("child");
        layers.TryResolve("x", out _, out var winner).Should().BeTrue();
        winner!.Name.Should().Be("group zz");
        layers.Defining("x").Select(l => l.Name).Should().Equal("group aa", "group parent", "group zz");
    }

    [Fact]
    public void ForHost_GroupPriority_BreaksTiesBeforeTheName()
    {
        var inventory = InventoryLoader.ParseIni("[aa]\nh\n[bb]\nh\n[aa:vars]\nx=aa\nansible_group_priority=5\n[bb:vars]\nx=bb\n");

        InventoryVarsLayers.ForHost(inventory, "h").Merge()["x"].Should().Be("aa");
    }

    [Fact]
    public async Task ForHost_VarsFiles_BeatInventoryVarsAsInAnsible()
    {
        File.WriteAllText(Path.Combine(_dir, "hosts"), "[g]\nh x=inline\n[g:vars]\ny=inventory\nz=inventory\n[all:vars]\nw=inventory\n");
        Directory.CreateDirectory(Path.Combine(_dir, "group_vars"));
        Directory.CreateDirectory(Path.Combine(_dir, "host_vars"));
        File.WriteAllText(Path.Combine(_dir, "group_vars", "all.yml"), "y: all-file\nw: all-file\n");
        File.WriteAllText(Path.Combine(_dir, "group_vars", "g.yml"), "z: g-file\nx: g-file\n");
        File.WriteAllText(Path.Combine(_dir, "host_vars", "h.yml"), "v: host-file\n");

        var inventory = await InventoryLoader.LoadAsync(Path.Combine(_dir, "hosts"), TestContext.Current.CancellationToken);
        var layers = InventoryVarsLayers.ForHost(inventory, "h");

        layers.Layers.Select(l => l.Kind).Should().Equal(
            InventoryVarsLayerKind.InventoryGroup, InventoryVarsLayerKind.InventoryGroup, InventoryVarsLayerKind.GroupVarsFile,
            InventoryVarsLayerKind.GroupVarsFile, InventoryVarsLayerKind.InventoryHost, InventoryVarsLayerKind.HostVarsFile);
        var vars = layers.Merge();
        vars["w"].Should().Be("all-file");
        vars["y"].Should().Be("all-file"); // group_vars/all.yml beats [g:vars], as in ansible
        vars["z"].Should().Be("g-file");
        vars["x"].Should().Be("inline");
        vars["v"].Should().Be("host-file");
    }

    [Fact]
    public void Merge_Dictionaries_AreReplacedNotDeepMerged()
    {
        var inventory = InventoryLoader.ParseIni("[g]\nh cfg=\"{'b':2}\"\n[g:vars]\ncfg={'a':1}\n");

        var cfg = InventoryVarsLayers.ForHost(inventory, "h").Merge()["cfg"];

        cfg.Should().BeOfType<Dictionary<string, object?>>().Which.Keys.Should().Equal("b");
    }

    [Fact]
    public void ForHost_UnknownHost_Throws()
    {
        var inventory = InventoryLoader.ParseIni("[g]\nh\n");

        var act = () => InventoryVarsLayers.ForHost(inventory, "nope");

        act.Should().Throw<InventoryException>().WithMessage("host 'nope' is not in the inventory");
    }
}
