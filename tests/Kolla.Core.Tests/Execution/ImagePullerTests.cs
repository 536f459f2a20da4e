using Kolla.Converge;
using Kolla.Operations;

namespace Kolla.Tests.Execution;

public sealed class ImagePullerTests
{
    [Fact]
    public async Task Pull_PullsEachImageOnTheHostsThatUseIt()
    {
        var plan = TestDeployment.Plan();
        var hosts = new MemoryHosts();
        var progress = new RecordingProgress();

        var result = await new ImagePuller(hosts).PullAsync(plan, progress, TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue();
        result.Changes["control01"].Select(c => c.Describe()).Should().Equal("pull image example/web:1");
        result.Changes["compute03"].Select(c => c.Describe()).Should().Equal("pull image example/agent:1", "pull image example/virt:1");
        (await hosts["compute03"].Containers.InspectImageAsync("example/virt:1", TestContext.Current.CancellationToken)).Should().NotBeNull();
        progress.Events.OfType<ChangeAppliedEvent>().Should().HaveCount(7);
        progress.Events.OfType<HostReadyEvent>().Select(e => e.Host).Should().BeEquivalentTo("control01", "compute01", "compute02", "compute03");
    }

    [Fact]
    public async Task Pull_StopsStartingHostsAfterAFailure_UnlessContinueOnError()
    {
        var plan = TestDeployment.Plan();
        var hosts = new MemoryHosts();
        hosts.Unreachable.Add("control01");

        var result = await new ImagePuller(hosts, new PullOptions { Forks = 1 }).PullAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        result.Hosts[0].Failed.Should().Be(1);
        result.Hosts.Skip(1).Should().OnlyContain(h => h.Changed == 0 && h.Skipped == 2);
    }
}
