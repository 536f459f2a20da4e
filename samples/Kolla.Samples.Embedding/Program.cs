// Embeds Kolla for .NET through dependency injection: a one-service catalogue of our own is planned, its changes
// shown, then applied. Dry run by default (nothing leaves the process); --docker deploys to the local Docker engine.
//
//   dotnet run --project samples/Kolla.Samples.Embedding
//   dotnet run --project samples/Kolla.Samples.Embedding -- --docker [--image busybox:latest]
using Kolla.Deployment;
using Kolla.Globals;
using Kolla.Inventory;
using Kolla.Passwords;
using Kolla.Planning;
using Kolla.Samples.Embedding;
using Kolla.Services;
using Microsoft.Extensions.DependencyInjection;

var useDocker = args.Contains("--docker");
var imageIndex = Array.IndexOf(args, "--image");
var image = imageIndex >= 0 && imageIndex + 1 < args.Length ? args[imageIndex + 1] : "docker.io/library/busybox:latest";
var work = Path.Combine(Path.GetTempPath(), "kolla-embedding");

// globals.yml, as text here: read and checked once; the plan takes its values.
var globals = KollaGlobals.Parse(
    $"""
    kolla_internal_vip_address: "127.0.0.1"
    enable_haproxy: "no"
    node_config_directory: "{work}/etc"
    node_custom_config: "{work}/config"
    """,
    "globals (Program.cs)",
    configDirectory: work);

var services = new ServiceCollection();
var kolla = services.AddKolla(); // KollaOptions: where inputs live on disk; this program builds its inputs itself
if (useDocker)
{
    kolla.AddDockerExecutor();
}
else
{
    kolla.AddDryRunExecutor();
}

await using var provider = services.BuildServiceProvider();
var deployer = provider.GetRequiredService<IKollaDeployer>(); // validates KollaOptions

var inputs = new DeploymentInputs
{
    Inventory = InventoryLoader.Parse("[hello]\nlocalhost ansible_connection=local api_interface_address=127.0.0.1\n", "inventory (Program.cs)"),
    Catalogue = ServiceCatalogue.Create([HelloService.Definition], KollaGlobals.Defaults),
    Globals = globals.Values,
    Passwords = new Dictionary<string, object?> { ["hello_password"] = new PasswordGenerator().GeneratePassword() },
    ExtraVars = new Dictionary<string, object?> { ["hello_image"] = image },
};

var plan = deployer.Plan(inputs);
Console.WriteLine($"Plan: {plan.Hosts.Count} host(s), {plan.Hosts.Sum(h => h.Containers.Count)} container(s), executor {(useDocker ? "docker" : "dry-run")}");
foreach (var set in await deployer.GetChangesAsync(plan))
{
    foreach (var change in set.Changes)
    {
        Console.WriteLine($"  {set.Host}: would {change.Describe()}");
    }
}

var result = await deployer.DeployAsync(plan, progress: new ConsoleProgress());
foreach (var host in result.Hosts)
{
    Console.WriteLine($"{host.Host}: ok={host.Ok} changed={host.Changed} failed={host.Failed}{(host.Error is null ? "" : " " + host.Error)}");
}

return result.Succeeded ? 0 : 1;
