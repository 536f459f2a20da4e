using Kolla.Changes;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Execution;

public sealed class ConvergerTests
{
    private static DeploymentPlan SamplePlan()
    {
        var inventory = InventoryLoader.ParseIni("""
            [control]
            c1 ansible_host=10.0.0.1 api_interface_address=10.0.0.1
            c2 ansible_host=10.0.0.2 api_interface_address=10.0.0.2
            [memcached:children]
            control
            """, "inventory");
        var inputs = new DeploymentInputs
        {
            Inventory = inventory,
            Catalogue = ServiceCatalogue.Create([ServiceCatalogueLoader.LoadBuiltIn().Find("memcached")!], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
            Globals = new Dictionary<string, object?> { ["kolla_internal_vip_address"] = "10.0.0.250" },
        };
        return DeploymentPlanner.Plan(inputs);
    }

    [Fact]
    public async Task ApplyAsync_DryRun_ReportsEveryHostChangedAndNothingFailed()
    {
        var plan = SamplePlan();
        var events = new List<DeployEvent>();

        var result = await new Converger(new DryRunHostConnector()).ApplyAsync(plan, new SyncProgress(events), TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue();
        result.Hosts.Select(h => h.Host).Should().Equal("c1", "c2");
        result.Hosts.Should().OnlyContain(h => h.Changed > 0 && h.Failed == 0);
        events.OfType<ChangeAppliedEvent>().Should().Contain(e => e.Change is CreateContainerChange);
    }

    [Fact]
    public async Task GetChangesAsync_MemcachedPlan_ListsConfigJsonAndContainerPerHost()
    {
        var plan = SamplePlan();

        var sets = await new Converger(new DryRunHostConnector()).GetChangesAsync(plan, TestContext.Current.CancellationToken);

        sets.Should().HaveCount(2);
        sets.Should().OnlyContain(s => s.Changes.OfType<WriteFileChange>().Any(w => w.File.Path == "/etc/kolla/memcached/config.json"));
        sets.Should().OnlyContain(s => s.Changes.OfType<CreateContainerChange>().Count() == 1);
    }

    [Fact]
    public async Task ApplyAsync_UnreachableHost_FailsThatHostOnlyWithItsMessage()
    {
        var plan = SamplePlan();

        var result = await new Converger(new FailingConnector("c2"), new ConvergeOptions { ContinueOnError = true }).ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeFalse();
        result.Hosts.Single(h => h.Host == "c2").Error.Should().Contain("c2").And.Contain("refused");
        result.Hosts.Single(h => h.Host == "c1").Failed.Should().Be(0);
    }

    private sealed class SyncProgress(List<DeployEvent> events) : IProgress<DeployEvent>
    {
        public void Report(DeployEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }

    private sealed class FailingConnector(string failing) : IHostConnector
    {
        private readonly DryRunHostConnector _inner = new();

        public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default) =>
            target.Name == failing
                ? throw new HostUnreachableException(target.Name, "connection refused")
                : _inner.ConnectAsync(target, cancellationToken);
    }
}
