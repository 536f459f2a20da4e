using Kolla.Cli;
using Kolla.TestKit;

namespace Kolla.Tests.Inventory;

/// <summary><c>kolla inventory list|graph|host</c>, run in-process.</summary>
public sealed class InventoryCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kolla-cli-inventory-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await KollaApp.RunAsync(args, new CliConsole(output, error, IsInteractive: false), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task List_SmallInventory_PrintsAnsibleInventoryDocument()
    {
        var path = Write("hosts", "top x=1\n[web]\nweb[1:2] port=80\n[web:vars]\nflag=True\n");

        var (code, output, error) = await RunAsync("inventory", "list", "--json", "-i", path);

        code.Should().Be(0, error);
        output.Should().Be("""
            {
                "_meta": {
                    "hostvars": {
                        "top": {
                            "x": 1
                        },
                        "web1": {
                            "flag": true,
                            "port": 80
                        },
                        "web2": {
                            "flag": true,
                            "port": 80
                        }
                    }
                },
                "all": {
                    "children": [
                        "ungrouped",
                        "web"
                    ]
                },
                "ungrouped": {
                    "hosts": [
                        "top"
                    ]
                },
                "web": {
                    "hosts": [
                        "web1",
                        "web2"
                    ]
                }
            }

            """);
    }

    [Fact]
    public async Task Graph_Group_PrintsTheSubtree()
    {
        var path = Write("hosts", "[control]\nc1\n[nova:children]\ncontrol\n[nova:vars]\nx=1\n");

        var (code, output, _) = await RunAsync("inventory", "graph", "nova", "-i", path);

        code.Should().Be(0);
        output.Should().Be("@nova:\n  |--@control:\n  |  |--c1\n");
    }

    [Fact]
    public async Task Host_WithExtraVars_PrintsMergedVariables()
    {
        var path = Write("hosts", "[control]\nc1 a=1\n[control:vars]\nb=2\n");

        var (code, output, _) = await RunAsync("inventory", "host", "c1", "-i", path, "-e", "a=override", "-e", "{\"c\": [1]}");

        code.Should().Be(0);
        output.Should().Be("{\n    \"a\": \"override\",\n    \"b\": 2,\n    \"c\": [\n        1\n    ]\n}\n");
    }

    [Fact]
    public async Task List_SeveralInventories_AreCombined()
    {
        var first = Write("one", "[a]\nh1\n");
        var second = Write("two.yml", "b:\n  hosts:\n    h2:\n");

        var (code, output, _) = await RunAsync("inventory", "list", "-i", first, "-i", second);

        code.Should().Be(0);
        output.Should().Contain("\"a\": {").And.Contain("\"b\": {");
    }

    [Fact]
    public async Task List_InvalidInventory_PrintsFileAndLineOnStderr()
    {
        var path = Write("hosts", "[web]\nweb[1:]\n");

        var (code, output, error) = await RunAsync("inventory", "list", "-i", path);

        code.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Be($"{path}:2: bad host range 'web[1:]': host range must specify end value\n");
    }

    [Fact]
    public async Task Host_Unknown_IsAnError()
    {
        var path = Write("hosts", "[web]\nweb1\n");

        var (code, _, error) = await RunAsync("inventory", "host", "nope", "-i", path);

        code.Should().Be(1);
        error.Should().Be("host pattern 'nope' matches no host or group\n");
    }

    [Fact]
    public async Task Graph_UnknownGroup_IsAnError()
    {
        var path = Write("hosts", "[web]\nweb1\n");

        var (code, _, error) = await RunAsync("inventory", "graph", "nope", "-i", path);

        code.Should().Be(1);
        error.Should().Contain("Pattern must be valid group name when using --graph: nope");
    }

    [Fact]
    public async Task List_WithoutInventory_AsksForOne()
    {
        var (code, _, error) = await RunAsync("inventory", "list");

        code.Should().Be(2);
        error.Should().Contain("-i INVENTORY");
    }

    [Fact]
    public async Task Graph_ShippedMultinode_StartsWithGroupsThatHaveNoParent()
    {
        var multinode = Path.Combine(RepositoryPaths.KollaAnsibleInputs, "multinode");

        var (code, output, _) = await RunAsync("inventory", "graph", "-i", multinode);

        code.Should().Be(0);
        output.Split('\n').Take(5).Should().Equal("@all:", "  |--@ungrouped:", "  |--@baremetal:", "  |  |--@control:", "  |  |  |--control01");
    }
}
