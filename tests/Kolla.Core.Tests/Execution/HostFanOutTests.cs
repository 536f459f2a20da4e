using Kolla.Changes;
using Kolla.Converge;
using Kolla.Hosts;

namespace Kolla.Tests.Execution;

/// <summary>The one fan-out every host operation runs through: forks, per-host failures, skipping, events, recap.</summary>
public sealed class HostFanOutTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static HostOperationOptions Options(int forks = 1, bool continueOnError = false) => new TestOptions { Forks = forks, ContinueOnError = continueOnError };

    [Fact]
    public async Task RunEachAsync_AfterAFailure_SkipsHostsNotStarted_AndConnectsNoMore()
    {
        var hosts = new MemoryHosts();
        hosts.Unreachable.Add("compute01");
        var plan = TestDeployment.Plan();
        var progress = new RecordingProgress();

        var result = await new HostFanOut(hosts, Options(), TimeProvider.System).RunEachAsync(plan, progress, (_, _, _) => Task.CompletedTask, Token);

        result.Hosts.Select(h => (h.Host, h.Failed, h.Skipped)).Should().Equal(("control01", 0, 0), ("compute01", 1, 0), ("compute02", 0, 2), ("compute03", 0, 2));
        hosts.Connections.Should().Equal("control01");
        progress.Events.OfType<HostFailedEvent>().Should().ContainSingle().Which.Message.Should().Be("compute01: connection refused");
        progress.Events.OfType<HostReadyEvent>().Select(e => e.Host).Should().Equal("control01");
    }

    [Fact]
    public async Task RunEachAsync_UnexpectedException_FailsThatHostOnly_NamingTheType()
    {
        var plan = TestDeployment.Plan();

        var result = await new HostFanOut(new MemoryHosts(), Options(forks: 4, continueOnError: true), TimeProvider.System).RunEachAsync(
            plan,
            null,
            (session, _, _) => session.Host == "compute02" ? throw new InvalidOperationException("boom") : Task.CompletedTask,
            Token);

        result.Hosts.Single(h => h.Failed > 0).Error.Should().Be("compute02: unexpected error: InvalidOperationException: boom");
        result.Hosts.Should().ContainSingle(h => h.Failed > 0);
    }

    [Fact]
    public async Task RunAsync_AFailedBatch_StopsTheBatchesAfterIt_ButFinishesItsOwn()
    {
        var plan = TestDeployment.Plan();
        var sessions = plan.Hosts.Select(h => new HostSession(h, null, TimeProvider.System)).ToList();
        var ran = new List<string>();
        var stage = new HostStage<HostSession>(sessions.Chunk(2), (session, _) =>
        {
            lock (ran)
            {
                ran.Add(session.Host);
            }

            return session.Host == "control01" ? throw new HostUnreachableException("control01", "gone") : Task.CompletedTask;
        });

        var result = await new HostFanOut(new MemoryHosts(), Options(forks: 2), TimeProvider.System).RunAsync(sessions, [stage, stage], Token);

        ran.Should().BeEquivalentTo(["control01", "compute01"]);
        result.Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task GetChangesAsync_UnreachableHost_HasTheErrorInItsSet_OthersAreRead()
    {
        var hosts = new MemoryHosts();
        hosts.Unreachable.Add("compute03");
        var plan = TestDeployment.Plan();

        var sets = await new HostFanOut(hosts, Options(forks: 4), TimeProvider.System).GetChangesAsync(
            plan,
            (host, _, _) => Task.FromResult(new HostChangeSet(host.Host, [], new Dictionary<string, byte[]>())),
            Token);

        sets.Select(s => s.Host).Should().Equal(plan.Hosts.Select(h => h.Host));
        sets.Single(s => s.Error is not null).Host.Should().Be("compute03");
    }

    private sealed record TestOptions : HostOperationOptions;
}
