using Kolla.Containers;
using Kolla.Hosts;
using Kolla.TestKit;

namespace Kolla.Tests;

[Collection(DockerEngineCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DockerContainerRuntimeTests(DockerEngineFixture engine) : DockerTestBase(engine)
{
    private ContainerSpec FullSpec(string name, string configDir, string volume, string volumesFrom) => new()
    {
        Name = Engine.NameFor(name),
        Image = Engine.TestImage,
        Command = "sleep 300",
        Environment = [new("KOLLA_CONFIG_STRATEGY", "COPY_ALWAYS"), new("KOLLA_UPGRADE", null)],
        Volumes =
        [
            $"{configDir}/:/var/lib/kolla/config_files/:ro",
            "/etc/localtime:/etc/localtime:ro",
            $"{configDir}:/plain",
            $"{volume}:/var/log/kolla/",
            "/var/lib/anonymous",
            "",
        ],
        VolumesFrom = [volumesFrom],
        Tmpfs = ["/var/tmp", ""],
        IpcMode = "shareable",
        CgroupnsMode = "private",
        CapAdd = ["NET_ADMIN", "SYS_TIME"],
        SecurityOpt = ["no-new-privileges:true"],
        Labels = [new("service", "roundtrip")],
        Dimensions = new ContainerDimensions
        {
            MemoryLimit = 64L << 20,
            MemoryReservation = 32L << 20,
            MemorySwapLimit = 128L << 20,
            CpuPeriod = 100_000,
            CpuQuota = 50_000,
            CpuShares = 512,
            CpusetCpus = "0",
            CpusetMems = "0",
            Ulimits = [new Ulimit("nproc", 4096, 8192), new Ulimit("nofile", 1024, 2048)],
        },
        Healthcheck = new ContainerHealthcheck(["CMD-SHELL", "true"], 30, 20, 5, 3),
        RestartPolicy = "unless-stopped",
    };

    private async Task<ContainerComparisonContext> ContextAsync() => new()
    {
        DesiredImage = await Runtime.InspectImageAsync(Engine.TestImage, Token),
        TimeZone = "Europe/Berlin",
    };

    [Fact]
    public async Task CreateInspect_EverySpecField_CompareFieldsFindsNoDifference()
    {
        var configDir = Directory.CreateTempSubdirectory("kt-config-").FullName;
        using var cleanup = new DirectoryCleanup(configDir);
        var source = Sleeper("rt-source");
        await Runtime.CreateAsync(source, NoLabels, Token);
        var spec = FullSpec("roundtrip", configDir, Engine.NameFor("rt-logs"), source.Name);

        await Runtime.CreateAsync(spec, NoLabels, Token);
        await Runtime.StartAsync(spec.Name, Token);
        var state = await Runtime.InspectAsync(spec.Name, Token);

        state.Should().NotBeNull();
        ContainerComparer.CompareFields(spec, state!, await ContextAsync()).Should().BeEmpty();
        ContainerComparer.CompareByHash(spec, state!).Should().BeEmpty();
        state!.Environment.Should().Contain(["KOLLA_UPGRADE=", $"KOLLA_SERVICE_NAME={spec.Name.Replace('_', '-')}", "TZ=Europe/Berlin"]);
        state.Labels.Should().Contain(KollaLabels.ManagedBy, KollaLabels.ManagedByValue);
        (await Runtime.ListVolumesAsync(Token)).Should().Contain(Engine.NameFor("rt-logs"));
    }

    [Fact]
    public async Task CreateInspect_PrivilegedHostNamespaces_CompareFieldsFindsNoDifference()
    {
        // The engine adds label=disable to SecurityOpt for these; kolla skips security_opt then, and so do we.
        // Created only: a privileged container cannot start inside the unprivileged test sandbox.
        var spec = Sleeper("rt-privileged") with
        {
            Privileged = true,
            PidMode = "host",
            IpcMode = "host",
            CgroupnsMode = "host",
            SecurityOpt = ["apparmor=unconfined"],
            Healthcheck = null,
            State = "created",
        };

        await Runtime.CreateAsync(spec, NoLabels, Token);
        var state = await Runtime.InspectAsync(spec.Name, Token);

        ContainerComparer.CompareFields(spec, state!, await ContextAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task CompareFields_ChangedSpecAgainstCreatedContainer_ReportsTheField()
    {
        var spec = Sleeper("rt-changed");
        await Runtime.CreateAsync(spec, NoLabels, Token);
        await Runtime.StartAsync(spec.Name, Token);
        var state = await Runtime.InspectAsync(spec.Name, Token);

        var differences = ContainerComparer.CompareFields(spec with { CapAdd = ["NET_ADMIN"] }, state!, await ContextAsync());

        differences.Select(d => d.Field).Should().Equal(ContainerFields.CapAdd);
        ContainerComparer.CompareByHash(spec with { CapAdd = ["NET_ADMIN"] }, state!).Should().ContainSingle();
    }

    [Fact]
    public async Task ListAsync_ReturnsOurLabelsAndStartTimes()
    {
        var running = Sleeper("list-running");
        var created = Sleeper("list-created");
        var labels = new Dictionary<string, string> { [KollaLabels.ConfigHash] = "abc123" };
        await Runtime.CreateAsync(running, labels, Token);
        await Runtime.CreateAsync(created, labels, Token);
        await Runtime.StartAsync(running.Name, Token);

        var states = await Runtime.ListAsync(Token);

        var byName = states.ToDictionary(s => s.Name);
        byName.Should().ContainKeys(running.Name, created.Name);
        byName[running.Name].Labels.Should().Contain(KollaLabels.ConfigHash, "abc123").And.Contain(KollaLabels.SpecHash, running.ComputeHash());
        byName[running.Name].Status.Should().Be("running");
        DateTimeOffset.Parse(byName[running.Name].StartedAt, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeAfter(DateTimeOffset.UtcNow.AddMinutes(-5));
        byName[created.Name].Status.Should().Be("created");
        byName[created.Name].ImageId.Should().StartWith("sha256:");
        states.Select(s => s.Name).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task ListSummariesAsync_OneCall_GivesIdentityStatusHealthAndLabels_AsInspectDoes()
    {
        var healthy = Sleeper("summary-healthy") with { Healthcheck = new ContainerHealthcheck(["CMD-SHELL", "true"], 1, 5, 0, 3) };
        var created = Sleeper("summary-created");
        var labels = new Dictionary<string, string> { [KollaLabels.ConfigHash] = "abc123" };
        await Runtime.CreateAsync(healthy, labels, Token);
        await Runtime.CreateAsync(created, labels, Token);
        await Runtime.StartAsync(healthy.Name, Token);
        while ((await Runtime.InspectAsync(healthy.Name, Token))!.Health != "healthy")
        {
            await Task.Delay(200, Token);
        }

        var summaries = (await Runtime.ListSummariesAsync(Token)).ToDictionary(s => s.Name);

        foreach (var name in new[] { healthy.Name, created.Name })
        {
            var full = (await Runtime.InspectAsync(name, Token))!;
            summaries[name].Should().BeEquivalentTo(
                new { full.Name, full.Id, full.Image, full.ImageId, full.Status, full.Health, full.Labels },
                $"the list shows what the converge decides from for {name}");
        }

        summaries[healthy.Name].Health.Should().Be("healthy");
        summaries[created.Name].Health.Should().BeNull();
        summaries[created.Name].Labels.Should().Contain(KollaLabels.SpecHash, created.ComputeHash());
    }

    [Fact]
    public async Task ListImagesAsync_HoldsTheTestImageWithEveryTag()
    {
        var images = await Runtime.ListImagesAsync(Token);

        var image = images.Single(i => i.RepoTags.Contains(Engine.TestImage));
        image.Should().BeEquivalentTo(await Runtime.InspectImageAsync(Engine.TestImage, Token));
        image.RepoTags.Should().Contain(TestImages.For("keystone"));
    }

    [Fact]
    public async Task StopRestartRemove_Lifecycle()
    {
        var spec = Sleeper("lifecycle");
        var id = await Runtime.CreateAsync(spec, NoLabels, Token);
        await Runtime.StartAsync(spec.Name, Token);
        await Runtime.StartAsync(spec.Name, Token);
        var firstStart = (await Runtime.InspectAsync(spec.Name, Token))!.StartedAt;

        await Runtime.StopAsync(spec.Name, TimeSpan.FromSeconds(1), Token);
        (await Runtime.InspectAsync(spec.Name, Token))!.Status.Should().Be("exited");
        await Runtime.StopAsync(spec.Name, TimeSpan.FromSeconds(1), Token);

        await Runtime.RestartAsync(spec.Name, TimeSpan.FromSeconds(1), Token);
        var restarted = (await Runtime.InspectAsync(spec.Name, Token))!;
        restarted.Status.Should().Be("running");
        restarted.Id.Should().Be(id);
        restarted.StartedAt.Should().NotBe(firstStart);

        await Runtime.RemoveAsync(spec.Name, Token);
        (await Runtime.InspectAsync(spec.Name, Token)).Should().BeNull();
        await Runtime.RemoveAsync(spec.Name, Token);
        await Runtime.StopAsync(spec.Name, TimeSpan.FromSeconds(1), Token);
    }

    [Fact]
    public async Task RestartAsync_MissingContainer_ClearErrorNamingIt()
    {
        var name = Engine.NameFor("never-created");

        var act = () => Runtime.RestartAsync(name, TimeSpan.FromSeconds(1), Token);

        var error = (await act.Should().ThrowAsync<ContainerOperationException>()).Which;
        error.Container.Should().Be(name);
        error.Host.Should().Be("testhost");
        error.Message.Should().StartWith($"testhost: {name}: restart failed:");
    }

    [Fact]
    public async Task CreateAsync_NameInUse_PermanentErrorWithoutRetries()
    {
        var spec = Sleeper("duplicate");
        await Runtime.CreateAsync(spec, NoLabels, Token);

        var act = () => Runtime.CreateAsync(spec, NoLabels, Token);

        (await act.Should().ThrowAsync<ContainerOperationException>().WithMessage("*already in use*")).Which.Container.Should().Be(spec.Name);
    }

    [Fact]
    public async Task CreateAsync_ImageMissing_ErrorNamesContainer()
    {
        var spec = Sleeper("no-image") with { Image = "kolla-test/absent:1.0" };

        var act = () => Runtime.CreateAsync(spec, NoLabels, Token);

        (await act.Should().ThrowAsync<ContainerOperationException>().WithMessage("*create failed*absent*")).Which.Container.Should().Be(spec.Name);
    }

    [Fact]
    public async Task RunOneShotAsync_Success_ExitCodeOutputAndRemoved()
    {
        var spec = Sleeper("oneshot-ok") with { Command = "sh -c 'echo hello; echo oops >&2; echo \"tz=$TZ\"'" };

        var result = await Runtime.RunOneShotAsync(spec, NoLabels, TimeSpan.FromMinutes(1), Token);

        // stdout and stderr are captured separately by the engine: their relative order is not kept.
        result.Succeeded.Should().BeTrue();
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo("hello", "oops", "tz=Europe/Berlin");
        (await Runtime.InspectAsync(spec.Name, Token)).Should().BeNull();
    }

    [Fact]
    public async Task RunOneShotAsync_Failure_ExitCodeAndLogTail()
    {
        var spec = Sleeper("oneshot-fail") with { Command = "sh -c 'for i in $(seq 1 100); do echo line$i; done; exit 3'" };

        var result = await Runtime.RunOneShotAsync(spec, NoLabels, TimeSpan.FromMinutes(1), Token);

        result.ExitCode.Should().Be(3);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(50);
        lines[0].Should().Be("line51");
        lines[^1].Should().Be("line100");
        (await Runtime.InspectAsync(spec.Name, Token)).Should().BeNull();
    }

    [Fact]
    public async Task RunOneShotAsync_LeftoverFromEarlierRun_Replaced()
    {
        var spec = Sleeper("oneshot-leftover") with { Command = "echo fresh" };
        await Runtime.CreateAsync(spec with { Command = "echo stale" }, NoLabels, Token);

        var result = await Runtime.RunOneShotAsync(spec, NoLabels, TimeSpan.FromMinutes(1), Token);

        result.Output.Should().Be("fresh\n");
    }

    [Fact]
    public async Task RunOneShotAsync_Timeout_ClearErrorAndRemoved()
    {
        var spec = Sleeper("oneshot-slow") with { Command = "sh -c 'echo started; sleep 60'" };

        var act = () => Runtime.RunOneShotAsync(spec, NoLabels, TimeSpan.FromSeconds(2), Token);

        await act.Should().ThrowAsync<ContainerOperationException>().WithMessage("*did not finish within 2 s*started*");
        (await Runtime.InspectAsync(spec.Name, Token)).Should().BeNull();
    }

    [Fact]
    public async Task ExecAsync_ExitCodeAndOutput()
    {
        var spec = Sleeper("exec");
        await Runtime.CreateAsync(spec, NoLabels, Token);
        await Runtime.StartAsync(spec.Name, Token);

        var result = await Runtime.ExecAsync(spec.Name, ["sh", "-c", "echo out; echo err >&2; id -u; exit 7"], Token);

        result.ExitCode.Should().Be(7);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().BeEquivalentTo("out", "err", "0");
        lines.Where(l => l != "err").Should().Equal("out", "0");
    }

    [Fact]
    public async Task ExecAsync_StoppedContainer_ClearError()
    {
        var spec = Sleeper("exec-stopped");
        await Runtime.CreateAsync(spec, NoLabels, Token);

        var act = () => Runtime.ExecAsync(spec.Name, ["true"], Token);

        (await act.Should().ThrowAsync<ContainerOperationException>().WithMessage("*is not running*")).Which.Container.Should().Be(spec.Name);
    }

    [Fact]
    public async Task GetLogTailAsync_Demultiplexed()
    {
        var spec = Sleeper("logs") with { Command = "sh -c 'echo one; echo two; echo three; echo four >&2; sleep 300'" };
        await Runtime.CreateAsync(spec, NoLabels, Token);
        await Runtime.StartAsync(spec.Name, Token);
        string[] all = [];
        for (var i = 0; i < 50 && all.Length < 4; i++)
        {
            await Task.Delay(100, Token);
            all = (await Runtime.GetLogTailAsync(spec.Name, 10, Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        var tail = await Runtime.GetLogTailAsync(spec.Name, 2, Token);

        // The engine captures stdout and stderr separately: the stderr line may land anywhere, stdout keeps its order.
        all.Should().BeEquivalentTo("one", "two", "three", "four");
        all.Where(l => l != "four").Should().Equal("one", "two", "three");
        tail.Should().Be(string.Concat(all[^2..].Select(l => l + "\n")));
    }

    [Fact]
    public async Task Volumes_EnsureListRemove()
    {
        var name = Engine.NameFor("volume");
        await Runtime.EnsureVolumeAsync(name, Token);
        await Runtime.EnsureVolumeAsync(name, Token);

        (await Runtime.ListVolumesAsync(Token)).Should().Contain(name);
        var (_, label) = await PrivateDockerd.RunDockerAsync(Engine.DockerHost, $"volume inspect -f '{{{{index .Labels \"kolla_managed\"}}}}' {name}", Token);
        label.Trim().Should().Be("true");

        await Runtime.RemoveVolumeAsync(name, Token);
        (await Runtime.ListVolumesAsync(Token)).Should().NotContain(name);
        await Runtime.RemoveVolumeAsync(name, Token);
    }

    [Fact]
    public async Task RemoveVolumeAsync_InUse_ClearError()
    {
        var volume = Engine.NameFor("busy-volume");
        var spec = Sleeper("volume-user") with { Volumes = [$"{volume}:/data"] };
        await Runtime.CreateAsync(spec, NoLabels, Token);

        var act = () => Runtime.RemoveVolumeAsync(volume, Token);

        (await act.Should().ThrowAsync<ContainerOperationException>().WithMessage("*in use*")).Which.Container.Should().Be(volume);
    }

    [Fact]
    public async Task PullImageAsync_NonexistentImage_ClearErrorNamingIt()
    {
        var image = $"kolla-test/{Engine.NameFor("nonexistent")}:1.0";

        var act = () => Runtime.PullImageAsync(image, Token);

        var error = (await act.Should().ThrowAsync<ContainerOperationException>()).Which;
        error.Container.Should().Be(image);
        error.Message.Should().StartWith($"testhost: {image}: ");
        (await Runtime.GetImageIdAsync(image, Token)).Should().BeNull();
    }

    [Fact]
    public async Task InspectImageAsync_TestImage_IdTagsAndLabels()
    {
        var image = await Runtime.InspectImageAsync(Engine.TestImage, Token);

        image.Should().NotBeNull();
        image!.Id.Should().StartWith("sha256:");
        image.RepoTags.Should().Contain(Engine.TestImage);
        (await Runtime.GetImageIdAsync(Engine.TestImage, Token)).Should().Be(image.Id);
    }

    private sealed class DirectoryCleanup(string path) : IDisposable
    {
        public void Dispose() => Directory.Delete(path, recursive: true);
    }
}
