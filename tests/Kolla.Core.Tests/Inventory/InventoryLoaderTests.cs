using Kolla.Inventory;

namespace Kolla.Tests.Inventory;

/// <summary>Loading from disk: format detection, directories, several sources, group_vars/ and host_vars/.</summary>
public sealed class InventoryLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-inventory-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task LoadAsync_FileWithoutExtension_ReadsYamlOrIni()
    {
        var ini = Write("ini/hosts", "[web]\nweb1\n");
        var yaml = Write("yaml/hosts", "web:\n  hosts:\n    web2:\n");

        var inventory = await InventoryLoader.LoadAsync([ini, yaml], Token);

        inventory.Groups["web"].Hosts.Select(h => h.Name).Should().Equal("web1", "web2");
        inventory.Sources.Should().Equal(ini, yaml);
    }

    [Fact]
    public async Task LoadAsync_IniExtension_IsNeverReadAsYaml()
    {
        var path = Write("inventory.ini", "[web]\nweb1 x=1\n");

        var inventory = await InventoryLoader.LoadAsync(path, Token);

        inventory.GetHost("web1").Vars["x"].Should().Be(1L);
    }

    [Fact]
    public async Task LoadAsync_SeveralSources_LaterVariablesWinAndGroupsMerge()
    {
        var first = Write("a/hosts", "[web]\nweb1 x=1\n[web:vars]\ng=1\n");
        var second = Write("b/hosts", "[web]\nweb1 x=2\nweb2\n[web:vars]\ng=2\n");

        var inventory = await InventoryLoader.LoadAsync([first, second], Token);

        inventory.GetHost("web1").Vars["x"].Should().Be(2L);
        inventory.Groups["web"].Vars["g"].Should().Be(2L);
        inventory.Groups["web"].DirectHosts.Select(h => h.Name).Should().Equal("web1", "web2");
        inventory.GetHost("web1").Location!.File.Should().Be(first);
    }

    [Fact]
    public async Task LoadAsync_SecondSource_MayUseGroupsOfTheFirst()
    {
        var first = Write("a/hosts", "[control]\nc1\n");
        var second = Write("b/hosts", "[nova:children]\ncontrol\n[control:vars]\nx=1\n");

        var inventory = await InventoryLoader.LoadAsync([first, second], Token);

        inventory.Groups["nova"].Hosts.Select(h => h.Name).Should().Equal("c1");
        inventory.Groups["control"].Vars["x"].Should().Be(1L);
    }

    [Fact]
    public async Task LoadAsync_Directory_ReadsFilesInNameOrderAndSkipsIgnoredOnes()
    {
        Write("inv/02-second", "[g]\nh2\n");
        Write("inv/01-first.yml", "g:\n  hosts:\n    h1:\n");
        Write("inv/hosts.ini", "[g]\nignored-ini\n");
        Write("inv/README.md", "[not an inventory\n");
        Write("inv/.hidden", "[g]\nhidden\n");
        Write("inv/sub/03-third", "[g]\nh3\n");
        Write("inv/group_vars/g.yml", "from_dir: 1\n");

        var inventory = await InventoryLoader.LoadAsync(Path.Combine(_dir, "inv"), Token);

        inventory.Hosts.Select(h => h.Name).Should().Equal("h1", "h2", "h3");
        inventory.Groups["g"].VarsFiles.Should().ContainSingle().Which.Values["from_dir"].Should().Be(1L);
    }

    [Fact]
    public async Task LoadAsync_VarsFilesAndFolders_FoundAsAnsibleDoes()
    {
        var hosts = Write("hosts", "[control]\nc1\n");
        Write("group_vars/all.yml", "a: 1\n");
        Write("group_vars/control/10-main.yml", "b: 1\n");
        Write("group_vars/control/20-more.json", "{\"c\": 1e5}\n");
        Write("group_vars/control/nested/30-deep", "d: yes\n");
        Write("group_vars/control/ignored.txt", "e: 1\n");
        Write("group_vars/control/.hidden.yml", "f: 1\n");
        Write("group_vars/control/backup.yml~", "g: 1\n");
        Write("group_vars/control/empty.yml", string.Empty);
        Write("host_vars/c1", "h: 017\n");

        var inventory = await InventoryLoader.LoadAsync(hosts, Token);
        var vars = InventoryVarsLayers.ForHost(inventory, "c1").Merge();

        vars.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["a"] = 1L,
            ["b"] = 1L,
            ["c"] = 100000.0,
            ["d"] = true,
            ["h"] = 15L,
        });
        inventory.Groups["control"].VarsFiles.Select(f => Path.GetFileName(f.Path)).Should().Equal("10-main.yml", "20-more.json", "30-deep");
    }

    [Fact]
    public async Task LoadAsync_BareNameBeatsExtensions()
    {
        var hosts = Write("hosts", "[g]\nh\n");
        Write("group_vars/g", "x: bare\n");
        Write("group_vars/g.yml", "x: yml\n");

        var inventory = await InventoryLoader.LoadAsync(hosts, Token);

        InventoryVarsLayers.ForHost(inventory, "h").Merge()["x"].Should().Be("bare");
    }

    [Fact]
    public async Task LoadAsync_VarsFileNotAMapping_NamesTheFile()
    {
        var hosts = Write("hosts", "[g]\nh\n");
        var bad = Write("group_vars/g.yml", "- a\n- b\n");

        var act = () => InventoryLoader.LoadAsync(hosts, Token);

        (await act.Should().ThrowAsync<InventoryException>()).Which.File.Should().Be(bad);
    }

    [Fact]
    public async Task LoadAsync_MissingSource_NamesIt()
    {
        var missing = Path.Combine(_dir, "nope");

        var act = () => InventoryLoader.LoadAsync(missing, Token);

        (await act.Should().ThrowAsync<InventoryException>()).Which.Message.Should().Be($"{missing}: inventory source not found");
    }

    [Fact]
    public async Task LoadAsync_IniErrorInFileWithoutExtension_ReportsTheIniError()
    {
        var path = Write("hosts", "[web]\nweb1\n[web:vars]\nbroken\n");

        var act = () => InventoryLoader.LoadAsync(path, Token);

        (await act.Should().ThrowAsync<InventoryException>()).Which.Message.Should().Be($"{path}:4: Expected key=value, got: broken");
    }

    [Fact]
    public async Task LoadAsync_YamlErrorInYamlFile_ReportsTheYamlError()
    {
        var path = Write("hosts.yml", "web:\n  hosts:\n    - a\n");

        var act = () => InventoryLoader.LoadAsync(path, Token);

        (await act.Should().ThrowAsync<InventoryException>()).Which.Message.Should().StartWith($"{path}:2: Invalid \"hosts\" entry");
    }

    [Fact]
    public async Task LoadAsync_EmptyYamlFile_IsAnEmptyInventoryAsInAnsible()
    {
        // ansible's yaml plugin refuses an empty file, then its ini plugin reads it as an empty inventory.
        var path = Write("hosts.yml", string.Empty);

        var inventory = await InventoryLoader.LoadAsync(path, Token);

        inventory.Hosts.Should().BeEmpty();
        inventory.Groups.Keys.Should().Equal("all", "ungrouped");
    }
}
