using Kolla.Globals;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;
using Kolla.TestKit;

namespace Kolla.Tests.Execution;

/// <summary>
/// A small deployment for execution tests: service <c>web</c> (group control, with a bootstrap job) and service
/// <c>agent</c> on the compute group with two containers, <c>agent</c> and <c>virt</c> (restart spec-change-only).
/// </summary>
internal static class TestDeployment
{
    public const string Inventory = """
        [control]
        control01 ansible_host=10.0.0.11

        [compute]
        compute01 ansible_host=10.0.0.31
        compute02 ansible_host=10.0.0.32
        compute03 ansible_host=10.0.0.33
        """;

    public static ServiceCatalogue Catalogue { get; } = ServiceCatalogue.Create([Web, Agent], KollaGlobals.Defaults);

    private static ServiceDefinition Web => new()
    {
        Name = "web",
        Source = "TestDeployment.cs",
        Defaults = new Dictionary<string, object?> { ["web_image"] = "example/web:{{ web_tag }}", ["web_tag"] = "1", ["enable_web"] = "yes" },
        Templates = new Dictionary<string, string> { ["web.conf.j2"] = "[DEFAULT]\ngreeting = {{ greeting }}\npassword = {{ web_password }}\n" },
        Containers = [Container("web-api", "web_api", "control", "{{ web_image }}", "web.conf", "{{ enable_web }}")],
        Bootstrap = [new BootstrapDefinition { Name = "bootstrap_web", Container = "web-api" }],
    };

    private static ServiceDefinition Agent => new()
    {
        Name = "agent",
        Source = "TestDeployment.cs",
        After = ["web"],
        Defaults = new Dictionary<string, object?> { ["agent_image"] = "example/agent:{{ agent_tag }}", ["agent_tag"] = "1", ["virt_tag"] = "1" },
        Templates = new Dictionary<string, string>
        {
            ["agent.conf.j2"] = "[DEFAULT]\ngreeting = {{ greeting }}\n",
            ["virt.conf.j2"] = "[DEFAULT]\ngreeting = {{ greeting }}\n",
        },
        Containers =
        [
            Container("agent", "agent", "compute", "{{ agent_image }}", "agent.conf"),
            Container("virt", "virt", "compute", "example/virt:{{ virt_tag }}", "virt.conf") with { Restart = RestartStrategy.SpecChangeOnly },
        ],
    };

    public static DeploymentInputs Inputs(
        IReadOnlyDictionary<string, object?>? extraVars = null,
        IReadOnlyDictionary<string, object?>? passwords = null,
        string inventory = Inventory,
        IReadOnlyDictionary<string, object?>? globals = null) => new DeploymentInputs
        {
            Inventory = InventoryLoader.Parse(inventory, "inventory"),
            Catalogue = Catalogue,
            Globals = globals ?? new Dictionary<string, object?>
            {
                ["kolla_internal_vip_address"] = "10.0.0.250",
                ["greeting"] = "hello",
                ["node_config_directory"] = "/etc/kolla",
            },
            Passwords = passwords ?? new Dictionary<string, object?> { ["web_password"] = "s3cret-web-password" },
            ExtraVars = extraVars ?? new Dictionary<string, object?>(),
        }.WithTestFacts();

    public static DeploymentPlan Plan(IReadOnlyDictionary<string, object?>? extraVars = null) => DeploymentPlanner.Plan(Inputs(extraVars));

    private static ContainerDefinition Container(string key, string name, string group, string image, string file, string enabled = "true") => new()
    {
        Key = key,
        ContainerName = name,
        Group = group,
        Enabled = enabled,
        Image = image,
        Volumes = [$"{{{{ node_config_directory }}}}/{key}/:{{{{ container_config_directory }}}}/:ro", $"{name}_data:/var/lib/{name}"],
        Files = [new ServiceFileDefinition { Dest = file, Template = file + ".j2", Mode = "0600" }],
        ConfigJson = new Dictionary<string, object?>
        {
            ["command"] = "sleep infinity",
            ["config_files"] = new List<object?>
            {
                new Dictionary<string, object?> { ["source"] = file, ["dest"] = $"/etc/{name}/{file}", ["owner"] = "root", ["perm"] = "0600" },
            },
        },
    };
}
