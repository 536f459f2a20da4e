using System.Net;
using Kolla.Converge;
using Kolla.Facts;
using Kolla.Hosts;
using Kolla.Planning;
using Kolla.Prechecks;
using Kolla.TestKit;

namespace Kolla.Tests.Execution;

public sealed class PrechecksTests
{
    private const string LocalInventory = """
        [control]
        node1 ansible_connection=local api_interface_address=127.0.0.1

        [compute]
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static PrecheckReport Check(DeploymentInputs inputs) => PrecheckRunner.CheckInputs(inputs, DeploymentPlanner.Plan(inputs));

    private static Dictionary<string, object?> Globals(params (string Key, object? Value)[] extra)
    {
        var globals = new Dictionary<string, object?> { ["kolla_internal_vip_address"] = "10.0.0.250", ["greeting"] = "hi" };
        foreach (var (key, value) in extra)
        {
            globals[key] = value;
        }

        return globals;
    }

    [Fact]
    public void CheckInputs_CompleteDeployment_Passes()
    {
        var report = Check(TestDeployment.Inputs());

        report.Succeeded.Should().BeTrue(string.Join("\n", report.Failures.Select(f => f.Message)));
        report.Results.Select(r => r.Check).Distinct().Should().Equal("addresses", "inventory", "passwords", "unimplemented");
    }

    [Fact]
    public void CheckInputs_MissingVip_Fails()
    {
        var globals = Globals();
        globals.Remove("kolla_internal_vip_address");

        var report = Check(TestDeployment.Inputs(globals: globals));

        report.Failures.Should().ContainSingle().Which.Message.Should().StartWith("kolla_internal_vip_address is not set");
    }

    [Fact]
    public void CheckInputs_VipNotAnAddress_Fails()
    {
        var report = Check(TestDeployment.Inputs(globals: Globals(("kolla_internal_vip_address", "vip.example"))));

        report.Failures.Should().ContainSingle().Which.Message.Should().Contain("must be an IP address, got 'vip.example'");
    }

    [Fact]
    public void CheckInputs_VipUsedByAHostWithHaproxy_Fails()
    {
        var report = Check(TestDeployment.Inputs(globals: Globals(("kolla_internal_vip_address", "10.0.0.31"), ("enable_haproxy", "yes"))));

        report.Failures.Should().ContainSingle().Which.Should().Match<PrecheckResult>(r => r.Host == "compute01" && r.Message.Contains("unused address"));
    }

    [Fact]
    public void CheckInputs_HostWithoutAddress_Fails_ButADeploymentHostRunningNothingDoesNot()
    {
        var inventory = TestDeployment.Inventory + "\n[deployment]\nlocalhost\n";
        var inputs = TestDeployment.Inputs(inventory: inventory);
        var facts = new Dictionary<string, HostFacts>(inputs.Facts) { ["compute02"] = TestFacts.For("compute02", "10.0.0.32", nic: "ens3") };

        var report = Check(inputs with { Facts = facts });

        report.Failures.Should().ContainSingle().Which.Should().Match<PrecheckResult>(r =>
            r.Check == "addresses" && r.Host == "compute02" && r.Message.Contains("'eth0' is not an interface of the host"));
    }

    [Fact]
    public void CheckInputs_HostNamedByIp_Warns()
    {
        var inventory = TestDeployment.Inventory.Replace("compute03 ansible_host=10.0.0.33", "10.0.0.33", StringComparison.Ordinal);

        var report = Check(TestDeployment.Inputs(inventory: inventory));

        report.Succeeded.Should().BeTrue();
        report.Warnings.Where(w => w.Check == "inventory").Should().ContainSingle().Which.Message.Should().Contain("'10.0.0.33' is named by its IP address");
    }

    [Fact]
    public void CheckInputs_MissingGroupOfAnEnabledService_Fails()
    {
        var report = Check(TestDeployment.Inputs(inventory: "[compute]\ncompute01 ansible_host=10.0.0.31\n"));

        report.Failures.Should().ContainSingle().Which.Message.Should().Be(
            "group 'control' is not in the inventory, but the enabled container web_api (web) runs on it; add the group (it may be empty)");
    }

    [Fact]
    public void CheckInputs_MissingGroupOfADisabledService_IsFine_AndAnEmptyGroupWarns()
    {
        var disabled = Check(TestDeployment.Inputs(inventory: "[compute]\ncompute01 ansible_host=10.0.0.31\n", globals: Globals(("enable_web", "no"))));
        var empty = Check(TestDeployment.Inputs(inventory: "[control]\n[compute]\ncompute01 ansible_host=10.0.0.31\n"));

        disabled.Succeeded.Should().BeTrue();
        empty.Succeeded.Should().BeTrue();
        empty.Warnings.Where(w => w.Check == "inventory").Should().ContainSingle().Which.Message.Should().StartWith("group 'control' is empty");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void CheckInputs_EmptyPasswordATemplateUses_Fails(string? value)
    {
        var report = Check(TestDeployment.Inputs(passwords: new Dictionary<string, object?> { ["web_password"] = value, ["unused_password"] = null }));

        report.Failures.Should().ContainSingle().Which.Message.Should().Be("'web_password' (used by web) is empty in passwords.yml; run kolla genpwd");
    }

    [Fact]
    public void CheckInputs_PasswordKeyMissingFromTheFile_FailsWhenItIsABuiltInKey()
    {
        var inputs = TestDeployment.Inputs(passwords: new Dictionary<string, object?> { ["web_password"] = "x1234" }) with { };
        var catalogue = Kolla.Services.ServiceCatalogue.Create(
            [.. inputs.Catalogue.Services.Select(s => s.Name == "web"
                ? s with { Templates = new Dictionary<string, string> { ["web.conf.j2"] = s.Templates["web.conf.j2"] + "db = {{ database_password }}\n" } }
                : s)],
            inputs.Catalogue.CommonDefaults);

        var report = PrecheckRunner.CheckInputs(inputs with { Catalogue = catalogue }, DeploymentPlanner.Plan(inputs));

        report.Failures.Should().ContainSingle().Which.Message.Should().StartWith("'database_password' (used by web) is missing from passwords.yml");
    }

    [Fact]
    public async Task Run_ReportsEngineVersions_AndFailsAnEngineTooOld()
    {
        var hosts = new MemoryHosts
        {
            WrapRuntime = r => new VersionedRuntime(r, new ContainerEngineVersion("19.03.15", new Version(1, 40))),
        };
        var inputs = TestDeployment.Inputs();

        var report = await new PrecheckRunner(hosts).RunAsync(inputs, DeploymentPlanner.Plan(inputs), Token);

        var docker = report.Results.Where(r => r.Check == "docker").ToList();
        docker.Should().HaveCount(4).And.OnlyContain(r => r.Status == PrecheckStatus.Failed);
        docker[0].Message.Should().Be("control01: Docker 19.03.15 speaks API 1.40, older than the minimum 1.41; upgrade the engine");
    }

    [Fact]
    public async Task Run_RecentEngine_Passes_AndRemotePortsAreSkipped()
    {
        var hosts = new MemoryHosts { WrapRuntime = r => new VersionedRuntime(r, new ContainerEngineVersion("27.5.1", new Version(1, 47))) };
        var inputs = TestDeployment.Inputs();

        var report = await new PrecheckRunner(hosts, new PrecheckOptions { LocalPorts = new FakePorts() }).RunAsync(inputs, DeploymentPlanner.Plan(inputs), Token);

        report.Succeeded.Should().BeTrue();
        report.Results.Should().Contain(r => r.Check == "docker" && r.Status == PrecheckStatus.Passed && r.Message == "compute01: Docker 27.5.1 (API 1.47) is reachable");
        report.Results.Where(r => r.Check == "ports").Should().OnlyContain(r => r.Status == PrecheckStatus.Skipped);
    }

    [Fact]
    public async Task Run_UnreachableHost_Fails()
    {
        var hosts = new MemoryHosts();
        hosts.Unreachable.Add("compute02");
        var inputs = TestDeployment.Inputs();

        var report = await new PrecheckRunner(hosts).RunAsync(inputs, DeploymentPlanner.Plan(inputs), Token);

        report.Failures.Should().ContainSingle().Which.Message.Should().Be("compute02: cannot reach the host and its Docker engine: connection refused");
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::", true)]
    [InlineData("10.9.9.9", false)]
    public async Task Run_PortInUseOnALocalHost_FailsWhenTheContainerIsNotRunning(string listener, bool fails)
    {
        var options = new PrecheckOptions
        {
            LocalPorts = new FakePorts(new IPEndPoint(IPAddress.Parse(listener), 8080)),
            Ports = new Dictionary<string, IReadOnlyList<string>> { ["web-api"] = ["web_port"] },
        };
        var inputs = TestDeployment.Inputs(inventory: LocalInventory, extraVars: new Dictionary<string, object?> { ["web_port"] = "8080" });
        var hosts = new MemoryHosts();

        var report = await new PrecheckRunner(hosts, options).RunAsync(inputs, DeploymentPlanner.Plan(inputs), Token);

        var ports = report.Results.Single(r => r.Check == "ports");
        ports.Status.Should().Be(fails ? PrecheckStatus.Failed : PrecheckStatus.Passed);
        if (fails)
        {
            ports.Message.Should().Be($"node1: port 8080 (web_port) is in use on {listener}, but web_api is not running there yet");
        }
    }

    [Fact]
    public async Task Run_PortOfARunningContainer_IsNotReported()
    {
        var options = new PrecheckOptions
        {
            LocalPorts = new FakePorts(new IPEndPoint(IPAddress.Loopback, 8080)),
            Ports = new Dictionary<string, IReadOnlyList<string>> { ["web-api"] = ["web_port"] },
        };
        var inputs = TestDeployment.Inputs(inventory: LocalInventory, extraVars: new Dictionary<string, object?> { ["web_port"] = "8080" });
        var plan = DeploymentPlanner.Plan(inputs);
        var hosts = new MemoryHosts();
        await new Converger(hosts).ApplyAsync(plan, cancellationToken: Token);

        var report = await new PrecheckRunner(hosts, options).RunAsync(inputs, plan, Token);

        report.Results.Single(r => r.Check == "ports").Status.Should().Be(PrecheckStatus.Passed);
    }

    private sealed class FakePorts(params IPEndPoint[] listeners) : IListeningPorts
    {
        public Task<IReadOnlyList<IPEndPoint>> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<IPEndPoint>>(listeners);
    }
}
