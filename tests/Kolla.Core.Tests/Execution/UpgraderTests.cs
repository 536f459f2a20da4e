using Kolla.Changes;
using Kolla.Converge;
using Kolla.Operations;
using Kolla.Planning;

namespace Kolla.Tests.Execution;

public sealed class UpgraderTests
{
    private static readonly string[] Computes = ["compute01", "compute02", "compute03"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<MemoryHosts> DeployedAsync()
    {
        var hosts = new MemoryHosts();
        (await new Converger(hosts).ApplyAsync(TestDeployment.Plan(), cancellationToken: Token)).Succeeded.Should().BeTrue();
        return hosts;
    }

    private static DeploymentPlan Plan(params (string Key, object? Value)[] vars) =>
        TestDeployment.Plan(vars.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public async Task Upgrade_NewImage_RunsTheBootstrapFromTheNewImageThenRecreates()
    {
        var hosts = await DeployedAsync();

        var result = await new Upgrader(hosts).ApplyAsync(Plan(("web_tag", "2")), cancellationToken: Token);

        result.Succeeded.Should().BeTrue();
        result.Changes["control01"].Select(c => c.GetType().Name).Should().Equal(nameof(PullImageChange), nameof(RunBootstrapChange), nameof(RecreateContainerChange));
        result.Changes["control01"].OfType<RecreateContainerChange>().Single().Differences.Should().Contain(d => d.Field == "image" && d.Desired!.StartsWith("example/web:2", StringComparison.Ordinal));
        result.Changes["control01"].OfType<RunBootstrapChange>().Single().Job.Spec.Image.Should().Be("example/web:2");
        result.Changes["compute01"].Should().OnlyContain(c => c is PullImageChange, "agent and virt keep their images");
    }

    [Fact]
    public async Task Upgrade_PullsEvenWhenTheImageIsPresent()
    {
        var hosts = await DeployedAsync();

        var result = await new Upgrader(hosts).ApplyAsync(TestDeployment.Plan(), cancellationToken: Token);

        result.Changes["compute02"].Select(c => c.Describe()).Should().Equal("pull image example/agent:1", "pull image example/virt:1");
        result.Hosts.Single(h => h.Host == "compute02").Ok.Should().Be(2);
    }

    [Fact]
    public async Task Upgrade_ConfigOnlyChange_NeverRestartsASpecChangeOnlyContainer()
    {
        var hosts = await DeployedAsync();

        var result = await new Upgrader(hosts, new UpgradeOptions { PullImages = false }).ApplyAsync(Plan(("greeting", "bonjour")), cancellationToken: Token);

        var changes = result.Changes["compute01"];
        changes.OfType<RestartContainerChange>().Select(c => c.Container).Should().Equal("agent");
        changes.OfType<HeldRestartChange>().Select(c => c.Container).Should().Equal("virt");
        changes.Should().NotContain(c => c is RecreateContainerChange);
    }

    [Fact]
    public async Task Upgrade_SpecChangeOnlyContainer_IsRecreatedWhenItsOwnImageChanges()
    {
        var hosts = await DeployedAsync();

        var result = await new Upgrader(hosts).ApplyAsync(Plan(("virt_tag", "2")), cancellationToken: Token);

        result.Changes["compute03"].OfType<RecreateContainerChange>().Select(c => c.Container).Should().Equal("virt");
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(2, 2)]
    public async Task Upgrade_ComputeHosts_OneBatchAtATime(int? serial, int batch)
    {
        var hosts = await DeployedAsync();
        var progress = new RecordingProgress();
        var options = new UpgradeOptions { RollingHosts = Computes, Converge = new ConvergeOptions { Serial = serial } };

        var result = await new Upgrader(hosts, options).ApplyAsync(Plan(("agent_tag", "2")), progress, Token);

        result.Succeeded.Should().BeTrue();
        var events = progress.Events.SkipWhile(e => e is not ServiceStartedEvent).ToList();
        var agentStarts = events.Select((e, i) => (e, i)).Where(x => x.e is ServiceStartedEvent { Service: "agent" }).ToList();
        agentStarts.Select(x => x.e.Host).Should().BeEquivalentTo(Computes);
        var batches = agentStarts.Chunk(batch).ToList();
        for (var b = 1; b < batches.Count; b++)
        {
            var previousHosts = batches[b - 1].Select(x => x.e.Host).ToHashSet();
            var lastOfPrevious = events.Select((e, i) => (e, i)).Where(x => x.e is ChangeAppliedEvent && previousHosts.Contains(x.e.Host)).Max(x => x.i);
            batches[b].Min(x => x.i).Should().BeGreaterThan(lastOfPrevious, "a batch starts only when the previous one is done");
        }
    }

    [Fact]
    public void ConvergeOptions_RollingBatchFollowsSerial()
    {
        var upgrader = new Upgrader(new MemoryHosts(), new UpgradeOptions { RollingHosts = Computes, Converge = new ConvergeOptions { Serial = 3, Forks = 7 } });

        upgrader.ConvergeOptions.RollingBatchSize.Should().Be(3);
        upgrader.ConvergeOptions.Forks.Should().Be(7);
        upgrader.ConvergeOptions.RollingHosts.Should().BeEquivalentTo(Computes);
    }
}
