using Kolla.Compat;
using Kolla.Globals;
using Kolla.Passwords;
using Kolla.Templates;
using Kolla.TestKit;
using Kolla.TestKit.Golden;
using Kolla.Variables;

namespace Kolla.Tests.Templates;

/// <summary>
/// Renders a realistic nova.conf template for a three-node inventory from globals, service defaults, inventory
/// and passwords, and compares with the expected files in Golden/. Set KOLLA_UPDATE_GOLDEN=1 to rewrite them.
/// </summary>
public class NovaConfGoldenTests
{
    private static string Golden(string name) => RepositoryPaths.InRepo("tests", "Kolla.Core.Tests", "Templates", "Golden", name);

    [Theory]
    [InlineData("control01", "nova-api")]
    [InlineData("control03", "nova-compute")]
    public async Task Nova_ConfMatchesTheExpectedFile(string host, string service)
    {
        var context = await BuildContextAsync(service);
        var renderer = new TemplateRenderer();

        var rendered = await renderer.RenderFileAsync(Golden("nova.conf.j2"), context.ForHost(host), TestContext.Current.CancellationToken);

        GoldenFiles.AssertFile(Golden($"nova.conf.{host}.expected"), rendered);
    }

    [Fact]
    public async Task Rendering_IsDeterministicAndSharesNothingBetweenHosts()
    {
        var context = await BuildContextAsync("nova-api");
        var template = new TemplateRenderer().Compile(await File.ReadAllTextAsync(Golden("nova.conf.j2"), TestContext.Current.CancellationToken), "nova.conf.j2");

        var first = template.Render(context.ForHost("control02"));
        _ = template.Render(context.ForHost("control03"));
        var again = template.Render(context.ForHost("control02"));

        again.Should().Be(first);
        first.Should().Contain("osapi_compute_listen = 10.0.0.12");
    }

    private static async Task<VariableContext> BuildContextAsync(string service)
    {
        var ct = TestContext.Current.CancellationToken;
        var globals = await KollaGlobals.LoadAsync(Golden("globals.yml"), "/etc/kolla", ct);
        var serviceDefaults = (IReadOnlyDictionary<string, object?>)YamlLoader.Load(await File.ReadAllTextAsync(Golden("nova-defaults.yml"), ct), AnsibleYamlProfile.Vars)!;
        var passwords = await PasswordStore.LoadAsync(Golden("passwords.yml"), ct);
        var inventory = ThreeNodes.Context();
        return new VariableContextBuilder()
            .AddDefaults(KollaGlobals.Defaults)
            .AddDefaults(serviceDefaults)
            .WithGlobals(globals.Variables)
            .WithInventory(new InventoryInput(
                [.. inventory.HostNames.Select(h => ThreeNodesHost(h))],
                inventory.Groups.Where(g => g.Key is not ("all" or "ungrouped")).ToDictionary(g => g.Key, g => g.Value).AsReadOnly()
                    .Concat(new Dictionary<string, IReadOnlyList<string>> { ["glance-api"] = ["control01", "control02"] })
                    .ToDictionary(g => g.Key, g => g.Value)))
            .WithPasswords(passwords.ToVariables())
            .WithFacts(ThreeNodes.Facts)
            .AddExtraVars(new Dictionary<string, object?> { ["service_name"] = service })
            .Build();
    }

    private static InventoryHostInput ThreeNodesHost(string name) => name switch
    {
        "control01" => new(name, new Dictionary<string, object?>(), new Dictionary<string, object?> { ["api_interface_address"] = "10.0.0.11" }),
        "control02" => new(name, new Dictionary<string, object?>(), new Dictionary<string, object?> { ["ansible_host"] = "10.0.0.12" }),
        _ => new(name, new Dictionary<string, object?>(), new Dictionary<string, object?> { ["api_interface_address"] = "fd00::13", ["network_interface"] = "ens4", ["api_address_family"] = "ipv6" }),
    };
}
