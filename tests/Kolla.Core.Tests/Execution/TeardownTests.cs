using Kolla.Containers;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Operations;
using Kolla.Planning;

namespace Kolla.Tests.Execution;

public sealed class TeardownTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(MemoryHosts Hosts, DeploymentPlan Plan)> DeployedAsync()
    {
        var plan = TestDeployment.Plan();
        var hosts = new MemoryHosts();
        var result = await new Converger(hosts).ApplyAsync(plan, cancellationToken: Token);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Hosts.Select(h => h.Error)));
        return (hosts, plan);
    }

    [Fact]
    public async Task Stop_StopsRunningContainers_InReverseDeployOrder()
    {
        var (hosts, plan) = await DeployedAsync();
        var progress = new RecordingProgress();

        var result = await new Teardown(hosts, new TeardownOptions { Kind = TeardownKind.Stop }).ApplyAsync(plan, progress, Token);

        result.Succeeded.Should().BeTrue();
        result.Changes["compute01"].Select(c => c.Describe()).Should().Equal("stop container virt", "stop container agent");
        result.Changes["control01"].Should().ContainSingle().Which.Should().BeOfType<StopContainerChange>().Which.Container.Should().Be("web_api");
        (await hosts["compute01"].Containers.ListAsync(Token)).Should().OnlyContain(c => c.Status == "exited");
    }

    [Fact]
    public async Task Stop_CountsStoppedContainersAsOk_AndChangesNothingTheSecondTime()
    {
        var (hosts, plan) = await DeployedAsync();
        var teardown = new Teardown(hosts, new TeardownOptions { Kind = TeardownKind.Stop });
        await teardown.ApplyAsync(plan, cancellationToken: Token);

        var again = await teardown.ApplyAsync(plan, cancellationToken: Token);

        again.Hosts.Should().OnlyContain(h => h.Changed == 0);
        again.Hosts.Single(h => h.Host == "compute02").Ok.Should().Be(2);
    }

    [Fact]
    public async Task Destroy_RemovesContainersAndConfigDirectories_KeepsVolumesAndOtherFiles()
    {
        var (hosts, plan) = await DeployedAsync();
        var host = hosts["control01"];
        await host.Files.WriteAsync("/etc/kolla/globals.yml", "x: 1\n"u8.ToArray(), HostFileMode.Secret, Token);
        await host.Files.WriteAsync("/etc/kolla/config/web.conf", "[DEFAULT]\n"u8.ToArray(), HostFileMode.Secret, Token);

        var result = await new Teardown(hosts, new TeardownOptions { Kind = TeardownKind.Destroy }).ApplyAsync(plan, cancellationToken: Token);

        result.Succeeded.Should().BeTrue();
        result.Changes["control01"].Select(c => c.Describe()).Should().Equal(
            "remove container web_api",
            "remove directory /etc/kolla/web-api");
        (await host.Containers.ListAsync(Token)).Should().BeEmpty();
        var files = await host.Files.ReadTreeStateAsync("/etc/kolla", Token);
        files.Keys.Should().BeEquivalentTo("/etc/kolla/globals.yml", "/etc/kolla/config/web.conf");
        (await host.Containers.ListVolumesAsync(Token)).Should().Contain("web_api_data");
    }

    [Fact]
    public async Task Destroy_WithIncludeVolumes_RemovesThePlannedVolumes()
    {
        var (hosts, plan) = await DeployedAsync();
        await hosts["compute01"].Containers.EnsureVolumeAsync("unrelated", Token);

        var result = await new Teardown(hosts, new TeardownOptions { Kind = TeardownKind.Destroy, IncludeVolumes = true }).ApplyAsync(plan, cancellationToken: Token);

        result.Changes["compute01"].OfType<RemoveVolumeChange>().Select(v => v.Name).Should().Equal("agent_data", "virt_data");
        (await hosts["compute01"].Containers.ListVolumesAsync(Token)).Should().Equal("unrelated");
    }

    [Fact]
    public async Task Destroy_RemovesLabelledContainersOutsideThePlan_ButNotForeignOnes()
    {
        var (hosts, plan) = await DeployedAsync();
        var runtime = hosts["control01"].Containers;
        var spec = plan.Hosts[0].Containers[0].Spec;
        await runtime.CreateAsync(spec with { Name = "old_kolla_service" }, new Dictionary<string, string>(), Token);
        await runtime.CreateAsync(spec with { Name = "someone_else" }, new Dictionary<string, string> { [KollaLabels.ManagedBy] = "another-tool" }, Token);

        var result = await new Teardown(hosts, new TeardownOptions { Kind = TeardownKind.Destroy }).ApplyAsync(plan, cancellationToken: Token);

        result.Changes["control01"].OfType<RemoveContainerChange>().Select(c => c.Container).Should().Equal("web_api", "old_kolla_service");
        (await runtime.ListAsync(Token)).Select(c => c.Name).Should().Equal("someone_else");
    }

    [Fact]
    public async Task Destroy_WithoutUnplanned_LeavesLabelledContainersOutsideThePlan()
    {
        var (hosts, plan) = await DeployedAsync();
        var runtime = hosts["control01"].Containers;
        var spec = plan.Hosts[0].Containers[0].Spec;
        await runtime.CreateAsync(spec with { Name = "other_service" }, new Dictionary<string, string>(), Token);

        var result = await new Teardown(hosts, new TeardownOptions { Kind = TeardownKind.Destroy, IncludeUnplanned = false }).ApplyAsync(plan, cancellationToken: Token);

        result.Changes["control01"].OfType<RemoveContainerChange>().Select(c => c.Container).Should().Equal("web_api");
        (await runtime.ListAsync(Token)).Select(c => c.Name).Should().Equal("other_service");
    }

    [Fact]
    public async Task Destroy_SecondRunChangesNothing()
    {
        var (hosts, plan) = await DeployedAsync();
        var teardown = new Teardown(hosts, new TeardownOptions { Kind = TeardownKind.Destroy, IncludeVolumes = true });
        await teardown.ApplyAsync(plan, cancellationToken: Token);

        var sets = await teardown.GetChangesAsync(plan, Token);

        sets.Should().OnlyContain(s => s.Changes.Count == 0 && s.Error == null);
    }

    [Fact]
    public void ChangesFor_TakesALabelledContainersConfigDirectoryFromItsBind_OnlyBelowNodeConfigDirectory()
    {
        var host = TestDeployment.Plan().Hosts.Single(h => h.Host == "control01");
        ContainerState Labelled(string name, params string[] binds) => new()
        {
            Name = name,
            Id = name,
            Image = "x",
            Status = "running",
            Labels = new Dictionary<string, string> { [KollaLabels.ManagedBy] = KollaLabels.ManagedByValue },
            Binds = binds,
        };
        var containers = new[]
        {
            Labelled("gone", "/etc/kolla/gone/:/var/lib/kolla/config_files/:ro", "gone_data:/var/lib/gone"),
            Labelled("escape", "/etc/kolla/../etc/:/var/lib/kolla/config_files/:ro", "/etc/:/host-etc:ro"),
            Labelled("deep", "/etc/kolla/a/b/:/var/lib/kolla/config_files/:ro"),
        };
        var files = new[] { "/etc/kolla/gone/config.json", "/etc/kolla/a/b/config.json", "/etc/passwd", "/etc/kolla/passwords.yml" }
            .ToDictionary(p => p, p => new HostFileState(p, "0", 0x180, "root", "root"));

        var changes = Teardown.ChangesFor(host, containers, files, ["gone_data", "web_api_data"], new TeardownOptions { Kind = TeardownKind.Destroy, IncludeVolumes = true });

        changes.Select(c => c.Describe()).Should().Equal(
            "remove container deep",
            "remove container escape",
            "remove container gone",
            "remove directory /etc/kolla/gone",
            "remove volume gone_data (its data is lost)",
            "remove volume web_api_data (its data is lost)");
    }

    [Fact]
    public async Task Apply_UnreachableHost_FailsThatHostOnly_WithContinueOnError()
    {
        var (hosts, plan) = await DeployedAsync();
        hosts.Unreachable.Add("compute02");

        var result = await new Teardown(hosts, new TeardownOptions { Kind = TeardownKind.Stop, ContinueOnError = true, Forks = 1 }).ApplyAsync(plan, cancellationToken: Token);

        result.Succeeded.Should().BeFalse();
        result.Hosts.Single(h => h.Host == "compute02").Error.Should().Contain("connection refused");
        result.Hosts.Where(h => h.Host != "compute02").Should().OnlyContain(h => h.Failed == 0 && h.Changed > 0);
    }
}
