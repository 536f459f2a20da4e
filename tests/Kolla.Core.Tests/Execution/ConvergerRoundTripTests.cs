using Kolla.Changes;
using Kolla.Containers;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Execution;

/// <summary>The converge engine over in-memory hosts: how often it goes to a host, and what a rerun does.</summary>
public sealed class ConvergerRoundTripTests
{
    private static ServiceDefinition Service(string name, params string[] containers) => new()
    {
        Name = name,
        Source = "test",
        Templates = new Dictionary<string, string> { ["app.conf.j2"] = "[DEFAULT]\nhost = {{ inventory_hostname }}\nname = {{ service_name }}\n" },
        Containers = [.. containers.Select(c => new ContainerDefinition
        {
            Key = c,
            ContainerName = c,
            Group = "app",
            Image = "kolla/" + c + ":1",
            Volumes = ["{{ node_config_directory }}/" + c + "/:/var/lib/kolla/config_files/:ro", "kolla_logs:/var/log/kolla/"],
            Files = [new ServiceFileDefinition { Dest = c + ".conf", Template = "app.conf.j2" }],
            ConfigJson = new Dictionary<string, object?> { ["command"] = "/usr/bin/" + c },
        })],
    };

    private static DeploymentPlan Plan(string greeting = "1") => DeploymentPlanner.Plan(new DeploymentInputs
    {
        Inventory = InventoryLoader.Parse($"[app]\nnode1 app_version={greeting}\nnode2\n"),
        Catalogue = ServiceCatalogue.Create([Service("db", "db"), Service("api", "api", "worker")], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
    });

    [Fact]
    public async Task ColdConverge_SendsEachServicesFilesAsOneBatch_AndARerunReadsOnly()
    {
        var hosts = new RecordingConnector();
        var converger = new Converger(hosts);

        var cold = await converger.ApplyAsync(Plan(), cancellationToken: TestContext.Current.CancellationToken);

        cold.Succeeded.Should().BeTrue();
        foreach (var host in hosts.Connections.Values)
        {
            host.Batches.Should().HaveCount(2, "one batch per service (db; api with worker), not one write per file");
            host.Batches[1].Writes.Select(w => Path.GetFileName(w.Path)).Should().BeEquivalentTo("api.conf", "config.json", "worker.conf", "config.json");
            host.Batches[1].Directories.Select(d => d.Path).Should().Equal("/etc/kolla/api", "/etc/kolla/worker");
            host.Batches.SelectMany(b => b.Writes).Should().NotContain(w => w.Path.Contains(ObservedHostState.StateDirectoryName, StringComparison.Ordinal),
                "a created container's label records its configuration; no marker file is written");
            host.Runtime.Inspected.Should().BeEquivalentTo(["db", "api", "worker"], "only the settle check inspects, each started container once");
            host.Runtime.Inspected.Clear();
        }

        var rerun = await converger.ApplyAsync(Plan(), cancellationToken: TestContext.Current.CancellationToken);

        rerun.HasChanges.Should().BeFalse();
        rerun.Hosts.Should().OnlyContain(h => h.Ok == 3 && h.Changed == 0);
        hosts.Connections.Values.Should().OnlyContain(h => h.Batches.Count == 2, "nothing is written");
        hosts.Connections.Values.Should().OnlyContain(h => h.Runtime.Inspected.Count == 0, "the container list alone shows every container matches, and a run that starts nothing checks nothing");
    }

    [Fact]
    public async Task SpecChange_InspectsOnlyThatContainer_AndNamesTheChangedField()
    {
        var hosts = new RecordingConnector();
        var converger = new Converger(hosts);
        await converger.ApplyAsync(Plan(), cancellationToken: TestContext.Current.CancellationToken);
        hosts.Connections["node1"].Runtime.Inspected.Clear();
        var plan = Plan();
        var changed = plan with
        {
            Hosts = [.. plan.Hosts.Select(h => h with
            {
                Containers = [.. h.Containers.Select(c => c.Key == "worker" ? c with { Spec = c.Spec with { Environment = [.. c.Spec.Environment, new("MODE", "fast")] } } : c)],
            })],
        };

        var sets = await converger.GetChangesAsync(changed, TestContext.Current.CancellationToken);

        sets.Should().OnlyContain(s => s.Changes.Count == 1);
        sets[0].Changes[0].Should().BeOfType<RecreateContainerChange>().Which.Differences.Select(d => d.Field).Should().Equal(ContainerFields.Environment);
        hosts.Connections["node1"].Runtime.Inspected.Should().Equal("worker");
    }

    [Fact]
    public async Task PostStart_RunsInTheStartedContainer_AgainOnlyWhenItChanges()
    {
        var hosts = new RecordingConnector();
        var converger = new Converger(hosts);
        DeploymentPlan WithPostStart(string command)
        {
            var service = Service("api", "api");
            service = service with { Containers = [service.Containers[0] with { PostStart = [command, "{{ '' }}"] }] };
            return DeploymentPlanner.Plan(new DeploymentInputs
            {
                Inventory = InventoryLoader.Parse("[app]\nnode1\n"),
                Catalogue = ServiceCatalogue.Create([service], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
            });
        }

        (await converger.ApplyAsync(WithPostStart("echo {{ inventory_hostname }}"), cancellationToken: TestContext.Current.CancellationToken)).Succeeded.Should().BeTrue();
        (await converger.ApplyAsync(WithPostStart("echo {{ inventory_hostname }}"), cancellationToken: TestContext.Current.CancellationToken)).HasChanges.Should().BeFalse();
        var changed = await converger.ApplyAsync(WithPostStart("echo again"), cancellationToken: TestContext.Current.CancellationToken);

        changed.Succeeded.Should().BeTrue();
        hosts.Connections["node1"].Runtime.Execs.Should().Equal(
            ["api: sh -c echo node1", "api: sh -c echo again"],
            "rendered, empty commands dropped, run once per start; a changed command changes the config hash and restarts the container");
    }

    [Fact]
    public async Task PostStart_FailingCommand_FailsTheHost()
    {
        var hosts = new RecordingConnector { ExecExitCode = 3 };
        var service = Service("api", "api");
        service = service with { Containers = [service.Containers[0] with { PostStart = ["false"] }] };
        var plan = DeploymentPlanner.Plan(new DeploymentInputs
        {
            Inventory = InventoryLoader.Parse("[app]\nnode1\n"),
            Catalogue = ServiceCatalogue.Create([service], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
        });

        var result = await new Converger(hosts).ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeFalse();
        result.Hosts.Single().Error.Should().Contain("post-start command exited with code 3");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PostStart_BeforeHealthy_RunsBeforeTheHealthWait_SoAHealthCheckThatNeedsItPasses(bool beforeHealthy)
    {
        // Like MariaDB's check, which logs in as the monitor user its post-start command creates: healthy only once it ran.
        var hosts = new RecordingConnector { HealthyAfterExec = true };
        var service = Service("db", "db");
        service = service with
        {
            Containers = [service.Containers[0] with
            {
                Healthcheck = new Dictionary<string, object?> { ["test"] = new List<object?> { "CMD-SHELL", "check" } },
                PostStart = ["create monitor user"],
                PostStartBeforeHealthy = beforeHealthy,
            }],
        };
        var plan = DeploymentPlanner.Plan(new DeploymentInputs
        {
            Inventory = InventoryLoader.Parse("[app]\nnode1\n"),
            Catalogue = ServiceCatalogue.Create([service], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
        });
        plan.Hosts.Single().Containers.Single().PostStartBeforeHealthy.Should().Be(beforeHealthy);
        var converger = new Converger(hosts, new ConvergeOptions { HealthTimeout = TimeSpan.FromMilliseconds(300), HealthPollInterval = TimeSpan.FromMilliseconds(10) });

        var result = await converger.ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        if (beforeHealthy)
        {
            result.Succeeded.Should().BeTrue();
            hosts.Connections["node1"].Runtime.Execs.Should().Equal("db: sh -c create monitor user");
            hosts.Connections["node1"].Runtime.Inspected.Should().NotBeEmpty("the health wait still follows the commands");
        }
        else
        {
            result.Succeeded.Should().BeFalse("waiting for health first never ends when the check needs the commands");
            result.Hosts.Single().Error.Should().Contain("not healthy after");
            hosts.Connections["node1"].Runtime.Execs.Should().BeEmpty();
        }
    }

    [Fact]
    public async Task PostStart_FailingWhileTheContainerStopped_ReportsTheContainersOutput()
    {
        var hosts = new RecordingConnector { ExecExitCode = 137, StopOnExec = true };
        var service = Service("api", "api");
        service = service with { Containers = [service.Containers[0] with { PostStart = ["wait for server"], PostStartBeforeHealthy = true }] };
        var plan = DeploymentPlanner.Plan(new DeploymentInputs
        {
            Inventory = InventoryLoader.Parse("[app]\nnode1\n"),
            Catalogue = ServiceCatalogue.Create([service], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
        });

        var result = await new Converger(hosts).ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeFalse();
        result.Hosts.Single().Error.Should().Contain("post-start command exited with code 137").And.Contain("the container stopped; its last output:");
    }

    [Fact]
    public async Task ReloadAfter_AJobThatRanOnOneHost_SignalsTheContainerOnEveryHost_AndARerunSendsNothing()
    {
        // nova's shape: the cell is created once (first host), and every scheduler must re-read the cell list.
        var hosts = new RecordingConnector();
        var converger = new Converger(hosts);
        var service = Service("nova", "scheduler", "conductor");
        service = service with
        {
            Containers = [service.Containers[0] with { ReloadAfter = ["create_cell"] }, service.Containers[1]],
            Bootstrap = [new BootstrapDefinition { Name = "create_cell", Container = "conductor", Command = "create cell" }],
        };
        var plan = DeploymentPlanner.Plan(new DeploymentInputs
        {
            Inventory = InventoryLoader.Parse("[app]\nnode1\nnode2\n"),
            Catalogue = ServiceCatalogue.Create([service], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
        });

        var planned = await converger.GetChangesAsync(plan, TestContext.Current.CancellationToken);
        var cold = await converger.ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);
        var rerun = await converger.ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        planned.Select(s => s.Changes.OfType<RunBootstrapChange>().Count()).Should().Equal([1, 0], "the job runs on the first host only");
        planned.Select(s => s.Changes.Last().Describe()).Should().OnlyContain(d => d == "reload container scheduler (SIGHUP after one-shot create_cell)",
            "the plan shows the reload on both hosts, after the service's other changes");
        cold.Succeeded.Should().BeTrue();
        new[] { "node1", "node2" }.Select(h => cold.Changes[h].OfType<ReloadContainerChange>().Count()).Should().Equal([1, 1], "the recap lists the reload as a change");
        hosts.Connections.Values.Should().OnlyContain(h => h.Runtime.Execs.SequenceEqual(new[] { "scheduler: sh -c kill -HUP 1" }));
        rerun.HasChanges.Should().BeFalse("no job ran, so nothing reloads");
        hosts.Connections.Values.Should().OnlyContain(h => h.Runtime.Execs.Count == 1);
    }

    [Fact]
    public async Task ReloadAfter_SignalFails_FailsTheHostNamingTheJob()
    {
        var hosts = new RecordingConnector { ExecExitCode = 1 };
        var service = Service("nova", "scheduler", "conductor");
        service = service with
        {
            Containers = [service.Containers[0] with { ReloadAfter = ["create_cell"] }, service.Containers[1]],
            Bootstrap = [new BootstrapDefinition { Name = "create_cell", Container = "conductor", Command = "create cell" }],
        };
        var plan = DeploymentPlanner.Plan(new DeploymentInputs
        {
            Inventory = InventoryLoader.Parse("[app]\nnode1\n"),
            Catalogue = ServiceCatalogue.Create([service], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
        });

        var result = await new Converger(hosts).ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeFalse();
        result.Hosts.Single().Error.Should().Contain("scheduler").And.Contain("could not send SIGHUP after one-shot create_cell");
    }

    /// <summary>One in-memory host per name, kept across connects, recording file batches and inspections.</summary>
    private sealed class RecordingConnector : IHostConnector
    {
        public Dictionary<string, RecordingHost> Connections { get; } = [];

        public int ExecExitCode { get; init; }

        /// <summary>Containers report <c>starting</c> until a command has been executed in them, <c>healthy</c> after.</summary>
        public bool HealthyAfterExec { get; init; }

        /// <summary>An executed command stops its container (a server that crashed while the command waited for it).</summary>
        public bool StopOnExec { get; init; }

        public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default)
        {
            lock (Connections)
            {
                if (!Connections.TryGetValue(target.Name, out var host))
                {
                    host = new RecordingHost(target.Name, ExecExitCode) { Runtime = { HealthyAfterExec = HealthyAfterExec, StopOnExec = StopOnExec } };
                    Connections[target.Name] = host;
                }

                return ValueTask.FromResult<IHostConnection>(host);
            }
        }
    }

    private sealed class RecordingHost(string host, int execExitCode) : IHostConnection
    {
        private readonly RecordingFiles _files = new(new MemoryHostFiles(readLocal: false));

        public string Host => host;

        public List<HostFileBatch> Batches => _files.Batches;

        public RecordingRuntime Runtime { get; } = new(new MemoryContainerRuntime(host), execExitCode);

        public IHostFiles Files => _files;

        public IContainerRuntime Containers => Runtime;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class RecordingFiles(IHostFiles inner) : IHostFiles
    {
        public List<HostFileBatch> Batches { get; } = [];

        public Task<IReadOnlyDictionary<string, HostFileState>> ReadTreeStateAsync(string directory, CancellationToken cancellationToken = default) => inner.ReadTreeStateAsync(directory, cancellationToken);

        public Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) => inner.ReadAsync(path, cancellationToken);

        public Task WriteAsync(string path, ReadOnlyMemory<byte> content, HostFileMode mode, CancellationToken cancellationToken = default) => inner.WriteAsync(path, content, mode, cancellationToken);

        public Task EnsureDirectoryAsync(string path, HostFileMode mode, CancellationToken cancellationToken = default) => inner.EnsureDirectoryAsync(path, mode, cancellationToken);

        public Task DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

        public Task DeleteTreeAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteTreeAsync(path, cancellationToken);

        public Task ApplyAsync(HostFileBatch batch, CancellationToken cancellationToken = default)
        {
            Batches.Add(batch);
            return inner.ApplyAsync(batch, cancellationToken);
        }
    }

    private sealed class RecordingRuntime(IContainerRuntime inner, int execExitCode) : DelegatingRuntime(inner), ISimulatedContainerRuntime
    {
        public List<string> Inspected { get; } = [];

        public List<string> Execs { get; } = [];

        public bool HealthyAfterExec { get; set; }

        public bool StopOnExec { get; set; }

        public override async Task<OneShotResult> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken = default)
        {
            lock (Execs)
            {
                Execs.Add($"{name}: {string.Join(' ', command)}");
            }

            if (StopOnExec)
            {
                await StopAsync(name, TimeSpan.Zero, cancellationToken);
            }

            return new OneShotResult(execExitCode, "out");
        }

        public override async Task<ContainerState?> InspectAsync(string name, CancellationToken cancellationToken = default)
        {
            lock (Inspected)
            {
                Inspected.Add(name);
            }

            var state = await base.InspectAsync(name, cancellationToken);
            if (HealthyAfterExec && state is not null)
            {
                lock (Execs)
                {
                    return state with { Health = Execs.Any(e => e.StartsWith(name + ": ", StringComparison.Ordinal)) ? "healthy" : "starting" };
                }
            }

            return state;
        }
    }
}
