using Kolla.Changes;
using Kolla.Docker;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// Converges the test catalogue on the assembly's Docker engine through <see cref="DockerHostConnector"/>
/// (<c>ansible_connection=local</c>, <c>kolla_docker_host</c>) and checks that each kind of input change touches
/// exactly the container it concerns.
/// </summary>
public class DockerConvergeTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    private static readonly string[] AllContainers = [.. TestCatalogue.Containers];

    [Fact]
    public async Task Converge_CreatesEverything_ThenRerunTouchesNothing()
    {
        var deployment = NewDeployment();

        var first = await ConvergeAsync(deployment);

        first.Succeeded.Should().BeTrue(Because(first));
        var changes = Summary(first, deployment);
        changes.Should().ContainInOrder("RunBootstrap bootstrap_ktdb", "CreateContainer ktdb", "ReloadContainer ktdb", "CreateContainer ktapi", "CreateContainer ktworker", "CreateContainer ktweb");
        changes.Should().Contain(["CreateVolume ktdb_data", "CreateVolume kolla_logs", "WriteFile ktapi/ktapi.conf", "WriteFile ktapi/config.json", "CreateContainer ktlibvirt"]);
        changes.Should().NotContain(c => c.StartsWith("PullImage", StringComparison.Ordinal), "every image is on the engine already");
        first.Hosts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Host = "node1", Ok = 0, Failed = 0, Skipped = 0, Error = (string?)null });

        var containers = await ContainersAsync(deployment);
        containers.Keys.Should().BeEquivalentTo(AllContainers, "the one-shot bootstrap container is removed after it ran");
        containers.Values.Should().OnlyContain(c => c.Status == "running");
        containers["ktweb"].Health.Should().Be("healthy", "the converge waits for containers with a health check");
        (await HostProbe.VolumesAsync(Engine.DockerHost, deployment.Prefix, Token)).Should().BeEquivalentTo([deployment.Prefix + "ktdb_data", deployment.Prefix + "kolla_logs"]);

        var files = await FilesAsync(deployment);
        files.Keys.Where(p => !p.StartsWith(".kolla-state/", StringComparison.Ordinal)).Should().BeEquivalentTo(
            "ktdb/ktdb.cnf", "ktdb/config.json", "ktapi/ktapi.conf", "ktapi/config.json", "ktworker/ktworker.conf", "ktworker/config.json",
            "ktweb/index.html", "ktweb/config.json", "ktlibvirt/libvirtd.conf", "ktlibvirt/config.json");
        files["ktapi/ktapi.conf"].Mode.Should().Be(Convert.ToInt32("660", 8));
        files["ktweb/index.html"].Mode.Should().Be(Convert.ToInt32("664", 8));
        (await File.ReadAllTextAsync(deployment.ConfigPath("node1", "ktapi", "ktapi.conf"), Token)).Should().Contain($"connection = ktdb://ktapi:{deployment.Password}@127.0.0.1/ktapi");

        (await ReloadsAsync(deployment)).Should().Be("reloaded\n", "the job ran, so ktdb got SIGHUP once, and it still runs");

        var second = await ConvergeAsync(deployment);

        second.Succeeded.Should().BeTrue(Because(second));
        second.HasChanges.Should().BeFalse();
        (await ReloadsAsync(deployment)).Should().Be("reloaded\n", "no job ran, so no reload");
        second.Changes["node1"].Should().BeEmpty();
        second.Hosts.Single().Should().BeEquivalentTo(new { Ok = AllContainers.Length, Changed = 0, Skipped = 0 });
        (await ContainersAsync(deployment)).Should().BeEquivalentTo(containers, "no container is recreated or restarted");
        (await FilesAsync(deployment)).Should().BeEquivalentTo(files, "no file is rewritten (same inode, mtime and ctime)");
        (await GetChangesAsync(deployment)).Should().ContainSingle().Which.Changes.Should().BeEmpty();
    }

    [Fact]
    public async Task ConfigChange_ByOverrideOrVariable_RestartsOnlyThatContainer()
    {
        var deployment = NewDeployment();
        (await ConvergeAsync(deployment)).Succeeded.Should().BeTrue();
        var before = await ContainersAsync(deployment);
        var files = await FilesAsync(deployment);

        deployment.WriteOverride("ktapi.conf", "[DEFAULT]\ndebug = True\n");
        var byOverride = await ConvergeAsync(deployment);

        byOverride.Succeeded.Should().BeTrue(Because(byOverride));
        Summary(byOverride, deployment).Should().Equal("WriteFile ktapi/ktapi.conf", "RestartContainer ktapi");
        var afterOverride = await ContainersAsync(deployment);
        ShouldOnlyHaveRestarted(before, afterOverride, "ktapi");
        (await File.ReadAllTextAsync(deployment.ConfigPath("node1", "ktapi", "ktapi.conf"), Token)).Should().Contain("debug = True");
        var filesAfterOverride = await FilesAsync(deployment);
        ChangedFiles(files, filesAfterOverride).Should().BeEquivalentTo(["ktapi/ktapi.conf", .. StateFiles(files, filesAfterOverride, "ktapi")]);

        deployment.SetGlobal("ktworker_threads", "8");
        var byVariable = await ConvergeAsync(deployment);

        byVariable.Succeeded.Should().BeTrue(Because(byVariable));
        Summary(byVariable, deployment).Should().Equal("WriteFile ktworker/ktworker.conf", "RestartContainer ktworker");
        ShouldOnlyHaveRestarted(afterOverride, await ContainersAsync(deployment), "ktworker");
        (await File.ReadAllTextAsync(deployment.ConfigPath("node1", "ktworker", "ktworker.conf"), Token)).Should().Contain("threads = 8");
        (await ConvergeAsync(deployment)).HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task SpecChange_ByEnvironmentOrVolume_RecreatesOnlyThatContainer()
    {
        var deployment = NewDeployment();
        (await ConvergeAsync(deployment)).Succeeded.Should().BeTrue();
        var before = await ContainersAsync(deployment);
        var files = await FilesAsync(deployment);

        deployment.SetGlobal("ktapi_mode", "maintenance");
        var byEnvironment = await ConvergeAsync(deployment);

        byEnvironment.Succeeded.Should().BeTrue(Because(byEnvironment));
        Summary(byEnvironment, deployment).Should().Equal("RecreateContainer ktapi");
        byEnvironment.Changes["node1"].Single().Describe().Should().Contain("environment");
        var afterEnvironment = await ContainersAsync(deployment);
        ShouldOnlyHaveRecreated(before, afterEnvironment, "ktapi");
        using (var runtime = new DockerContainerRuntime("probe", new DockerRuntimeOptions { Endpoint = new Uri(Engine.DockerHost) }))
        {
            (await runtime.InspectAsync(deployment.ContainerName("ktapi"), Token))!.Environment.Should().Contain("KTAPI_MODE=maintenance");
        }

        ChangedFiles(files, await FilesAsync(deployment)).Should().BeEmpty("a spec change rewrites no file: the new container's label records its configuration");

        deployment.SetGlobal("ktworker_extra_volume", "\"/etc/hostname:/etc/kt-hostname:ro\"");
        var byVolume = await ConvergeAsync(deployment);

        byVolume.Succeeded.Should().BeTrue(Because(byVolume));
        Summary(byVolume, deployment).Should().Equal("RecreateContainer ktworker");
        ShouldOnlyHaveRecreated(afterEnvironment, await ContainersAsync(deployment), "ktworker");
        (await ConvergeAsync(deployment)).HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task ContainerRemovedOrStoppedByHand_IsRecreatedOrStarted()
    {
        var deployment = NewDeployment();
        (await ConvergeAsync(deployment)).Succeeded.Should().BeTrue();
        var before = await ContainersAsync(deployment);

        (await Engine.DockerAsync(["rm", "-f", deployment.ContainerName("ktworker")], Token)).EnsureSuccess();
        var afterRemoval = await ConvergeAsync(deployment);

        afterRemoval.Succeeded.Should().BeTrue(Because(afterRemoval));
        Summary(afterRemoval, deployment).Should().Equal("CreateContainer ktworker");
        var recreated = await ContainersAsync(deployment);
        ShouldOnlyHaveRecreated(before, recreated, "ktworker");

        (await Engine.DockerAsync(["stop", "-t", "1", deployment.ContainerName("ktapi")], Token)).EnsureSuccess();
        var afterStop = await ConvergeAsync(deployment);

        afterStop.Succeeded.Should().BeTrue(Because(afterStop));
        Summary(afterStop, deployment).Should().Equal("StartContainer ktapi");
        ShouldOnlyHaveRestarted(recreated, await ContainersAsync(deployment), "ktapi");
    }

    [Fact]
    public async Task RemovedOverride_FileDisappearsFromHost_AndThePlanShowsTheDeletion()
    {
        var deployment = NewDeployment();
        deployment.WriteOverride("ktapi/policy.yaml", "\"identity:admin\": \"role:admin\"\n");
        (await ConvergeAsync(deployment)).Succeeded.Should().BeTrue();
        var policy = deployment.ConfigPath("node1", "ktapi", "policy.yaml");
        File.Exists(policy).Should().BeTrue();
        var before = await ContainersAsync(deployment);

        deployment.DeleteOverride("ktapi/policy.yaml");
        var plan = (await GetChangesAsync(deployment)).Single();

        Summary(plan.Changes, deployment).Should().Equal("DeleteFile ktapi/policy.yaml", "RestartContainer ktapi");
        plan.Changes[0].Should().BeOfType<DeleteFileChange>().Which.Path.Should().Be(policy);
        plan.Changes.Should().OnlyContain(c => c.Disruptive, "removing a file a running service reads is disruptive, like its restart");
        plan.CurrentFiles[policy].Should().Equal("\"identity:admin\": \"role:admin\"\n"u8.ToArray(), "the plan's diff shows what is removed");
        File.Exists(policy).Should().BeTrue("planning touches nothing");

        var converged = await ConvergeAsync(deployment);

        converged.Succeeded.Should().BeTrue(Because(converged));
        Summary(converged, deployment).Should().Equal("DeleteFile ktapi/policy.yaml", "RestartContainer ktapi");
        File.Exists(policy).Should().BeFalse();
        ShouldOnlyHaveRestarted(before, await ContainersAsync(deployment), "ktapi");
        (await ConvergeAsync(deployment)).HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task SpecChangeOnlyContainer_ConfigChangeIsHeld_SpecChangeRecreatesIt()
    {
        var deployment = NewDeployment();
        (await ConvergeAsync(deployment)).Succeeded.Should().BeTrue();
        var before = await ContainersAsync(deployment);

        deployment.SetGlobal("ktlibvirt_listen", "1");
        var configOnly = await ConvergeAsync(deployment);

        configOnly.Succeeded.Should().BeTrue(Because(configOnly));
        Summary(configOnly, deployment).Should().Equal("WriteFile ktlibvirt/libvirtd.conf", "HeldRestart ktlibvirt");
        configOnly.Hosts.Single().Changed.Should().Be(1, "the held restart is reported, not counted as a change");
        (await File.ReadAllTextAsync(deployment.ConfigPath("node1", "ktlibvirt", "libvirtd.conf"), Token)).Should().Contain("listen_tcp = 1");
        (await ContainersAsync(deployment)).Should().BeEquivalentTo(before, "a spec-change-only container is never restarted for its configuration");

        var rerun = await ConvergeAsync(deployment);

        Summary(rerun, deployment).Should().Equal(["HeldRestart ktlibvirt"], "the restart stays pending (state-derived), and still held");
        (await ContainersAsync(deployment)).Should().BeEquivalentTo(before);

        deployment.SetGlobal("ktlibvirt_mode", "maintenance");
        var specChange = await ConvergeAsync(deployment);

        specChange.Succeeded.Should().BeTrue(Because(specChange));
        Summary(specChange, deployment).Should().Equal("RecreateContainer ktlibvirt");
        ShouldOnlyHaveRecreated(before, await ContainersAsync(deployment), "ktlibvirt");
        (await ConvergeAsync(deployment)).HasChanges.Should().BeFalse("the recreated container runs the current configuration");
    }

    [Fact]
    public async Task BootstrapFailure_ReportsExitCodeAndLogTail_AndARerunConverges()
    {
        var deployment = NewDeployment();
        deployment.SetGlobal("ktdb_bootstrap_exit", "3");

        var failed = await ConvergeAsync(deployment);

        failed.Succeeded.Should().BeFalse();
        var error = failed.Hosts.Single().Error!;
        error.Should().StartWith($"node1: {deployment.Prefix}bootstrap_ktdb: one-shot job exited with code 3");
        error.Should().Contain("initialising ktdb on node1", "the log tail is reported").And.Contain("datadir = /var/lib/ktdb");
        (await ContainersAsync(deployment)).Should().BeEmpty("the failed one-shot is removed and nothing after it ran on the host");

        deployment.SetGlobal("ktdb_bootstrap_exit", "0");
        var rerun = await ConvergeAsync(deployment);

        rerun.Succeeded.Should().BeTrue(Because(rerun));
        Summary(rerun, deployment).Should().ContainInOrder("RunBootstrap bootstrap_ktdb", "CreateContainer ktdb");
        (await ContainersAsync(deployment)).Keys.Should().BeEquivalentTo(AllContainers);
    }

    [Fact]
    public async Task HealthCheckThatNeverPasses_FailsTheHostNamingTheContainer()
    {
        var deployment = NewDeployment();
        deployment.SetGlobal("ktweb_health_path", "missing.html");

        var result = await ConvergeAsync(deployment, options: Options with { HealthTimeout = TimeSpan.FromSeconds(6) });

        result.Succeeded.Should().BeFalse();
        result.Hosts.Single().Error.Should().StartWith($"node1: {deployment.Prefix}ktweb: not healthy after 6 s");
        (await ContainersAsync(deployment)).Keys.Should().Contain("ktweb");
    }

    private static void ShouldOnlyHaveRestarted(IReadOnlyDictionary<string, ContainerSnapshot> before, IReadOnlyDictionary<string, ContainerSnapshot> after, string container)
    {
        after.Keys.Should().BeEquivalentTo(before.Keys);
        after[container].Id.Should().Be(before[container].Id, "a restart keeps the container");
        after[container].StartedAt.Should().NotBe(before[container].StartedAt, $"{container} was restarted");
        after[container].Status.Should().Be("running");
        after.Where(p => p.Key != container).Should().BeEquivalentTo(before.Where(p => p.Key != container), "nothing else is touched");
    }

    private static void ShouldOnlyHaveRecreated(IReadOnlyDictionary<string, ContainerSnapshot> before, IReadOnlyDictionary<string, ContainerSnapshot> after, string container)
    {
        after.Keys.Should().BeEquivalentTo(before.Keys);
        after[container].Id.Should().NotBe(before[container].Id, $"{container} was recreated");
        after[container].Status.Should().Be("running");
        after.Where(p => p.Key != container).Should().BeEquivalentTo(before.Where(p => p.Key != container), "nothing else is touched");
    }

    private static IEnumerable<string> ChangedFiles(IReadOnlyDictionary<string, FileSnapshot> before, IReadOnlyDictionary<string, FileSnapshot> after) =>
        after.Keys.Union(before.Keys).Where(p => before.GetValueOrDefault(p) != after.GetValueOrDefault(p));

    private static IEnumerable<string> StateFiles(IReadOnlyDictionary<string, FileSnapshot> before, IReadOnlyDictionary<string, FileSnapshot> after, string container) =>
        after.Keys.Union(before.Keys).Where(p => p.StartsWith($".kolla-state/", StringComparison.Ordinal) && p.Contains($"_{container}/", StringComparison.Ordinal));

    // What ktdb's HUP trap recorded, read with the docker CLI (not the runtime under test).
    private async Task<string> ReloadsAsync(TestDeployment deployment)
    {
        var read = await ExternalCommand.RunAsync("docker", ["-H", Engine.DockerHost, "exec", deployment.ContainerName("ktdb"), "cat", "/tmp/reloads"], cancellationToken: Token);
        return read.EnsureSuccess().StandardOutput;
    }
}
