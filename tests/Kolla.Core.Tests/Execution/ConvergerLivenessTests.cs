using Kolla.Changes;
using Kolla.Containers;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;
using Microsoft.Extensions.Time.Testing;

namespace Kolla.Tests.Execution;

/// <summary>After a converge starts containers: the settle check, the health wait's failures and the bootstrap timeout.</summary>
public sealed class ConvergerLivenessTests
{
    /// <summary>Containers checked as soon as the run has started them (the runtime here is not simulated, so it would wait).</summary>
    private static readonly ConvergeOptions AtOnce = new() { SettleTime = TimeSpan.Zero };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_ContainerExitsAfterItsStart_FailsTheHostWithItsNameExitCodeAndLogTail()
    {
        var hosts = new LivenessHosts { AfterStart = s => s with { Status = "exited", ExitCode = 3 }, LogTail = "reading api.conf\nerror: bad option\n" };

        var result = await new Converger(hosts, AtOnce).ApplyAsync(Plan(), cancellationToken: Token);

        result.Succeeded.Should().BeFalse();
        result.Hosts.Single().Error.Should().Be("node1: api: exited with code 3 after this run started it\nlast 20 log lines:\nreading api.conf\nerror: bad option");
        result.Changes["node1"].OfType<CreateContainerChange>().Should().ContainSingle("it was created and started before the check found it dead");
    }

    [Fact]
    public async Task Apply_ContainerRestartedByItsPolicy_FailsAsRestarting()
    {
        var hosts = new LivenessHosts { AfterStart = s => s with { Status = "restarting", ExitCode = 1, RestartCount = 4 } };

        var result = await new Converger(hosts, AtOnce).ApplyAsync(Plan(), cancellationToken: Token);

        result.Hosts.Single().Error.Should().StartWith(
            "node1: api: keeps restarting: it exited with code 1 and the engine restarted it 4 times since this run started it\nlast 20 log lines:\n(none)");
    }

    [Fact]
    public async Task Apply_ContainerRunningAgainAfterARestart_StillFails()
    {
        var hosts = new LivenessHosts { AfterStart = s => s with { ExitCode = 2, RestartCount = 1 } };

        var result = await new Converger(hosts, AtOnce).ApplyAsync(Plan(), cancellationToken: Token);

        result.Hosts.Single().Error.Should().StartWith("node1: api: keeps restarting: it exited with code 2 and the engine restarted it once since this run started it\n");
    }

    [Fact]
    public async Task Apply_ContainerUnhealthyAfterItsStart_ShowsTheLastHealthCheckOutput()
    {
        var hosts = new LivenessHosts { AfterStart = s => s with { Health = "unhealthy", HealthLog = "curl: (7) Failed to connect to 127.0.0.1 port 5000" } };

        var result = await new Converger(hosts, AtOnce).ApplyAsync(Plan(), cancellationToken: Token);

        result.Hosts.Single().Error.Should().Be(
            "node1: api: is unhealthy: its health check fails\nlast health check output:\ncurl: (7) Failed to connect to 127.0.0.1 port 5000\nlast 20 log lines:\n(none)");
    }

    [Fact]
    public async Task Apply_HealthWaitTimesOut_ShowsTheLastHealthCheckOutput()
    {
        var hosts = new LivenessHosts { AfterStart = s => s with { Health = "starting", HealthLog = "wget: server returned error: HTTP/1.1 404 Not Found" } };
        var options = AtOnce with { HealthTimeout = TimeSpan.Zero, HealthPollInterval = TimeSpan.Zero };

        var result = await new Converger(hosts, options).ApplyAsync(Plan(withHealthcheck: true), cancellationToken: Token);

        result.Hosts.Single().Error.Should().Be(
            "node1: api: not healthy after 0 s (health: starting)\nlast health check output:\nwget: server returned error: HTTP/1.1 404 Not Found\nlast 20 log lines:\n(none)");
    }

    [Fact]
    public async Task Apply_ContainerRestartingWhileWaitingForHealth_FailsAtOnce()
    {
        var hosts = new LivenessHosts { AfterStart = s => s with { Status = "restarting", ExitCode = 139, RestartCount = 1, Health = "starting" } };
        var options = AtOnce with { HealthTimeout = TimeSpan.FromDays(1) };

        // Waiting out the day-long health timeout would fail here after a minute.
        var result = await new Converger(hosts, options).ApplyAsync(Plan(withHealthcheck: true), cancellationToken: Token)
            .WaitAsync(TimeSpan.FromMinutes(1), TimeProvider.System, Token);

        result.Hosts.Single().Error.Should().StartWith(
            "node1: api: keeps restarting: it exited with code 139 and the engine restarted it once since this run started it, while waiting for it to become healthy\n",
            "a restarting container does not become healthy: the day-long health timeout is not waited out");
    }

    [Theory]
    [InlineData("no")]
    [InlineData("oneshot")]
    public async Task Apply_ContainerMeantToRunOnceFinishedWithSuccess_IsNoFailure(string restartPolicy)
    {
        var hosts = new LivenessHosts { AfterStart = s => s with { Status = "exited", ExitCode = 0 } };

        var result = await new Converger(hosts, AtOnce).ApplyAsync(Plan(restartPolicy: restartPolicy), cancellationToken: Token);

        result.Succeeded.Should().BeTrue(result.Hosts.Single().Error);
    }

    [Fact]
    public async Task Apply_ContainerThatShouldRunFinishedWithSuccess_Fails()
    {
        var hosts = new LivenessHosts { AfterStart = s => s with { Status = "exited", ExitCode = 0 } };

        var result = await new Converger(hosts, AtOnce).ApplyAsync(Plan(restartPolicy: "on-failure"), cancellationToken: Token);

        result.Hosts.Single().Error.Should().StartWith("node1: api: exited with code 0 after this run started it\n");
    }

    [Fact]
    public async Task Apply_RunThatStartsNothing_InspectsNothingAndWaitsNothing()
    {
        var time = new FakeTimeProvider();
        var hosts = new LivenessHosts();
        var converger = new Converger(hosts, new ConvergeOptions { SettleTime = TimeSpan.FromDays(1) }, time);
        await SettleAsync(converger.ApplyAsync(Plan(), cancellationToken: Token), time, TimeSpan.FromHours(1));
        hosts.Runtime.Inspections.Clear();

        // The fake clock stands still: a rerun that waited would never end (and fail here after a minute).
        var rerun = await converger.ApplyAsync(Plan(), cancellationToken: Token).WaitAsync(TimeSpan.FromMinutes(1), TimeProvider.System, Token);

        rerun.HasChanges.Should().BeFalse();
        hosts.Runtime.Inspections.Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_ContainersStarted_AreCheckedOnlyOnceTheSettleTimeHasPassedSinceTheLastStart()
    {
        var time = new FakeTimeProvider();
        var hosts = new LivenessHosts { Clock = time };
        var converger = new Converger(hosts, new ConvergeOptions { SettleTime = TimeSpan.FromSeconds(30) }, time);

        var result = await SettleAsync(converger.ApplyAsync(Plan(), cancellationToken: Token), time, TimeSpan.FromSeconds(1));

        result.Succeeded.Should().BeTrue();
        var lastStart = hosts.Runtime.Starts.Max(s => s.At);
        hosts.Runtime.Inspections.Should().ContainSingle().Which.At.Should().BeOnOrAfter(lastStart + TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Apply_BootstrapTimeoutOption_ReplacesTheJobsOwnTimeout()
    {
        var hosts = new LivenessHosts();
        var options = AtOnce with { BootstrapTimeout = TimeSpan.FromSeconds(7) };

        var result = await new Converger(hosts, options).ApplyAsync(Plan(withBootstrap: true), cancellationToken: Token);

        result.Succeeded.Should().BeTrue();
        hosts.Runtime.OneShotTimeouts.Should().Equal(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Apply_NoBootstrapTimeoutOption_UsesTheJobsOwnTimeout()
    {
        var hosts = new LivenessHosts();

        await new Converger(hosts, AtOnce).ApplyAsync(Plan(withBootstrap: true), cancellationToken: Token);

        hosts.Runtime.OneShotTimeouts.Should().Equal(TimeSpan.FromSeconds(1800));
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(0, 0)]
    public void Constructor_NegativeSettleTimeOrZeroBootstrapTimeout_Throws(int settleSeconds, int? bootstrapSeconds)
    {
        var options = new ConvergeOptions { SettleTime = TimeSpan.FromSeconds(settleSeconds), BootstrapTimeout = bootstrapSeconds is { } b ? TimeSpan.FromSeconds(b) : null };

        var act = () => new Converger(new LivenessHosts(), options);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>Moves the fake clock on until the run completes (its only timer is the settle wait).</summary>
    private static async Task<DeployResult> SettleAsync(Task<DeployResult> run, FakeTimeProvider time, TimeSpan step)
    {
        while (!run.IsCompleted)
        {
            time.Advance(step);
            await Task.Yield();
        }

        return await run;
    }

    private static DeploymentPlan Plan(bool withHealthcheck = false, bool withBootstrap = false, string? restartPolicy = null)
    {
        var container = new ContainerDefinition
        {
            Key = "api",
            ContainerName = "api",
            Group = "app",
            Image = "kolla/api:1",
            Volumes = ["{{ node_config_directory }}/api/:/var/lib/kolla/config_files/:ro"],
            ConfigJson = new Dictionary<string, object?> { ["command"] = "/usr/bin/api" },
            RestartPolicy = restartPolicy,
            Healthcheck = withHealthcheck ? new Dictionary<string, object?> { ["test"] = new List<object?> { "CMD-SHELL", "check" } } : null,
        };
        var service = new ServiceDefinition
        {
            Name = "api",
            Source = "test",
            Containers = [container],
            Bootstrap = withBootstrap ? [new BootstrapDefinition { Name = "bootstrap_api", Container = "api" }] : [],
        };
        return DeploymentPlanner.Plan(new DeploymentInputs
        {
            Inventory = InventoryLoader.Parse("[app]\nnode1\n"),
            Catalogue = ServiceCatalogue.Create([service], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
        });
    }

    /// <summary>One in-memory host whose containers, once started, report what <see cref="AfterStart"/> makes of their state.</summary>
    private sealed class LivenessHosts : IHostConnector, IHostConnection
    {
        private readonly MemoryHostFiles _files = new(readLocal: false);

        public Func<ContainerState, ContainerState>? AfterStart { get; init; }

        public string LogTail { get; init; } = "";

        public TimeProvider Clock { get; init; } = TimeProvider.System;

        public LivenessRuntime Runtime { get; }

        public LivenessHosts() => Runtime = new LivenessRuntime(this);

        public string Host => "node1";

        public IHostFiles Files => _files;

        public IContainerRuntime Containers => Runtime;

        public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default) => ValueTask.FromResult<IHostConnection>(this);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Not simulated: the converge waits out the settle time for it, on <see cref="LivenessHosts.Clock"/>.</summary>
    private sealed class LivenessRuntime(LivenessHosts host) : DelegatingRuntime(new MemoryContainerRuntime("node1"))
    {
        private readonly HashSet<string> _started = new(StringComparer.Ordinal);

        public List<(string Name, DateTimeOffset At)> Starts { get; } = [];

        public List<(string Name, DateTimeOffset At)> Inspections { get; } = [];

        public List<TimeSpan> OneShotTimeouts { get; } = [];

        public override async Task StartAsync(string name, CancellationToken cancellationToken = default)
        {
            await base.StartAsync(name, cancellationToken);
            _started.Add(name);
            Starts.Add((name, host.Clock.GetUtcNow()));
        }

        public override async Task<ContainerState?> InspectAsync(string name, CancellationToken cancellationToken = default)
        {
            Inspections.Add((name, host.Clock.GetUtcNow()));
            var state = await base.InspectAsync(name, cancellationToken);
            return state is not null && _started.Contains(name) && host.AfterStart is { } after ? after(state) : state;
        }

        public override Task<string> GetLogTailAsync(string name, int lines, CancellationToken cancellationToken = default) => Task.FromResult(host.LogTail);

        public override Task<OneShotResult> RunOneShotAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            OneShotTimeouts.Add(timeout);
            return base.RunOneShotAsync(spec, labels, timeout, cancellationToken);
        }
    }
}
