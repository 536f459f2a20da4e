using System.Net;
using Kolla.Hosts;
using Kolla.Planning;
using Kolla.Prechecks;
using Kolla.Services;
using Kolla.Tests.Execution;

namespace Kolla.Tests.Prechecks;

/// <summary>The checks of one host: the engine version, and the ports the catalogue declares.</summary>
public sealed class HostPrecheckTests
{
    private const string LocalInventory = """
        [control]
        node1 ansible_connection=local api_interface_address=127.0.0.1

        [compute]
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The test deployment whose <c>web-api</c> container declares <paramref name="ports"/> in the catalogue.</summary>
    private static DeploymentInputs Inputs(string[] ports, string inventory = LocalInventory)
    {
        var inputs = TestDeployment.Inputs(inventory: inventory, extraVars: new Dictionary<string, object?> { ["web_port"] = "8080", ["web_admin_port"] = "8090" });
        var catalogue = ServiceCatalogue.Create(
            [.. inputs.Catalogue.Services.Select(s => s.Name == "web"
                ? s with { Containers = [.. s.Containers.Select(c => c with { Prechecks = new ContainerPrechecks { Ports = ports } })] }
                : s)],
            inputs.Catalogue.CommonDefaults);
        return inputs with { Catalogue = catalogue };
    }

    private static async Task<IReadOnlyList<PrecheckResult>> CheckAsync(IHostPrecheck check, DeploymentInputs inputs, PrecheckOptions options, IHostConnector? connector = null)
    {
        var plan = DeploymentPlanner.Plan(inputs);
        var host = plan.Hosts.First(h => h.Containers.Count > 0);
        var connection = await (connector ?? new MemoryHosts()).ConnectAsync(host.Target, Token);
        return await check.CheckAsync(new HostPrecheckContext(host, connection, plan.Variables.ForHost(host.Host), inputs.Catalogue, options), Token);
    }

    private static PrecheckOptions Listening(params int[] ports) =>
        new() { LocalPorts = new FakePorts([.. ports.Select(p => new IPEndPoint(IPAddress.Loopback, p))]) };

    [Fact]
    public async Task Ports_ThePortACatalogueContainerDeclares_IsChecked()
    {
        var results = await CheckAsync(new PortsPrecheck(), Inputs(["web_port"]), Listening(8080));

        results.Should().ContainSingle().Which.Should().Be(new PrecheckResult(
            "ports", PrecheckStatus.Failed, "node1: port 8080 (web_port) is in use on 127.0.0.1, but web_api is not running there yet", "node1"));
    }

    [Fact]
    public async Task Ports_DeclaredAsAnExpression_IsEvaluatedForTheHost()
    {
        var results = await CheckAsync(new PortsPrecheck(), Inputs(["{{ web_port | int + 1 }}"]), Listening(8081));

        results.Should().ContainSingle().Which.Message.Should().StartWith("node1: port 8081 ({{ web_port | int + 1 }}) is in use");
    }

    [Fact]
    public async Task Ports_TheOptionsAddToTheCatalogue_AndAPortIsCheckedOnce()
    {
        var options = Listening() with { Ports = new Dictionary<string, IReadOnlyList<string>> { ["web-api"] = ["web_admin_port", "web_port"] } };

        var results = await CheckAsync(new PortsPrecheck(), Inputs(["web_port"]), options);

        results.Should().ContainSingle().Which.Should().Be(new PrecheckResult("ports", PrecheckStatus.Passed, "node1: 2 port(s) free for the containers not running yet", "node1"));
    }

    [Fact]
    public async Task Ports_NothingDeclared_Passes_AndARemoteHostIsSkipped()
    {
        var local = await CheckAsync(new PortsPrecheck(), Inputs([]), Listening(8080));
        var remote = await CheckAsync(new PortsPrecheck(), Inputs(["web_port"], TestDeployment.Inventory), Listening(8080));

        local.Should().ContainSingle().Which.Message.Should().Be("node1: 0 port(s) free for the containers not running yet");
        remote.Should().ContainSingle().Which.Status.Should().Be(PrecheckStatus.Skipped);
    }

    [Fact]
    public async Task Engine_WithoutAVersion_IsSkipped_AndBelowTheMinimum_Fails()
    {
        var inputs = Inputs([]);
        var versioned = new MemoryHosts { WrapRuntime = r => new VersionedRuntime(r, new ContainerEngineVersion("27.5.1", new Version(1, 47))) };

        var unknown = await CheckAsync(new EnginePrecheck(), inputs, new PrecheckOptions());
        var old = await CheckAsync(new EnginePrecheck(), inputs, new PrecheckOptions { MinimumDockerApiVersion = new Version(1, 48) }, versioned);

        unknown.Should().ContainSingle().Which.Status.Should().Be(PrecheckStatus.Skipped);
        old.Should().ContainSingle().Which.Should().Be(new PrecheckResult(
            "docker", PrecheckStatus.Failed, "node1: Docker 27.5.1 speaks API 1.47, older than the minimum 1.48; upgrade the engine", "node1"));
    }

    [Fact]
    public async Task Runner_ReadsThePortsFromTheCatalogue_WithoutOptions()
    {
        var inputs = Inputs(["web_port"]);

        var report = await new PrecheckRunner(new MemoryHosts(), Listening(8080)).RunAsync(inputs, DeploymentPlanner.Plan(inputs), Token);

        report.Results.Where(r => r.Check == "ports").Should().ContainSingle().Which.Status.Should().Be(PrecheckStatus.Failed);
    }

    private sealed class FakePorts(params IPEndPoint[] listeners) : IListeningPorts
    {
        public Task<IReadOnlyList<IPEndPoint>> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<IPEndPoint>>(listeners);
    }
}
