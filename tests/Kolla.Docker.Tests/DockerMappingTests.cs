using Docker.DotNet.Models;
using Kolla.Containers;
using Kolla.Docker;
using ContainerSpec = Kolla.Containers.ContainerSpec;

namespace Kolla.Tests;

public sealed class DockerMappingTests
{
    private static ContainerSpec Spec() => new()
    {
        Name = "keystone_fernet",
        Image = "kolla/keystone-fernet:2025.1",
        Command = "sh -c 'kolla_start --x'",
        Environment = [new("KOLLA_UPGRADE", null)],
        Volumes = ["/etc/kolla/keystone-fernet/:/var/lib/kolla/config_files/:ro", "kolla_logs:/var/log/kolla/", "/anon", ""],
        Tmpfs = ["/run/a", "/run/b:size=1m", ""],
        CapAdd = ["NET_ADMIN"],
        Labels = [new("a", "spec"), new("b", "spec")],
        Dimensions = new ContainerDimensions { MemoryLimit = 1L << 30, BlkioWeight = 300, Ulimits = [new Kolla.Containers.Ulimit("nofile", 1, 2)] },
        Healthcheck = new ContainerHealthcheck(["CMD-SHELL", "true"], 30, 20, 5, 3),
    };

    [Theory]
    [InlineData("Up 2 minutes (healthy)", "healthy")]
    [InlineData("Up 3 seconds (health: starting)", "starting")]
    [InlineData("Up 1 hour (unhealthy)", "unhealthy")]
    [InlineData("Up 5 minutes", null)]
    [InlineData("Exited (0) 2 seconds ago", null)]
    [InlineData(null, null)]
    public void HealthFromStatus_ReadsTheListsStatusText(string? status, string? health)
    {
        DockerMapping.HealthFromStatus(status).Should().Be(health);
    }

    [Fact]
    public void ToSummaryState_MapsTheListEntry()
    {
        var state = DockerMapping.ToSummaryState(new ContainerListResponse
        {
            ID = "abc",
            Names = ["/nova_api"],
            Image = "kolla/nova-api:1",
            ImageID = "sha256:1",
            State = "running",
            Status = "Up 1 second (health: starting)",
            Labels = new Dictionary<string, string> { [KollaLabels.SpecHash] = "h" },
        });

        state.Should().BeEquivalentTo(new { Name = "nova_api", Id = "abc", Image = "kolla/nova-api:1", ImageId = "sha256:1", Status = "running", Health = "starting" });
        state.Labels.Should().Equal(new Dictionary<string, string> { [KollaLabels.SpecHash] = "h" });
    }

    [Fact]
    public void ToCreateParameters_MapsAsKollaDoes()
    {
        var parameters = DockerMapping.ToCreateParameters(Spec(), new Dictionary<string, string> { ["b"] = "caller", ["c"] = "caller" }, "Asia/Tokyo");

        parameters.Name.Should().Be("keystone_fernet");
        parameters.Cmd.Should().Equal("sh", "-c", "kolla_start --x");
        parameters.Env.Should().Equal("KOLLA_UPGRADE=", "KOLLA_SERVICE_NAME=keystone-fernet", "TZ=Asia/Tokyo");
        parameters.Labels.Should().BeEquivalentTo(new Dictionary<string, string> { ["a"] = "spec", ["b"] = "caller", ["c"] = "caller" });
        parameters.Volumes.Keys.Should().Equal("/var/lib/kolla/config_files/", "/var/log/kolla/", "/anon");
        parameters.Healthcheck!.Interval.Should().Be(TimeSpan.FromSeconds(30));
        parameters.Healthcheck.Timeout.Should().Be(TimeSpan.FromSeconds(20));
        parameters.Healthcheck.StartPeriod.Should().Be(TimeSpan.FromSeconds(5));
        parameters.Healthcheck.Retries.Should().Be(3);
        var host = parameters.HostConfig!;
        host.NetworkMode.Should().Be("host");
        host.Binds.Should().Equal("/etc/kolla/keystone-fernet/:/var/lib/kolla/config_files/:ro", "kolla_logs:/var/log/kolla/:rw");
        host.Tmpfs.Should().BeEquivalentTo(new Dictionary<string, string> { ["/run/a"] = "", ["/run/b"] = "size=1m" });
        host.CapAdd.Should().Equal("NET_ADMIN");
        host.Memory.Should().Be(1L << 30);
        host.MemorySwap.Should().Be(0);
        host.BlkioWeight.Should().Be(300);
        host.Ulimits.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "nofile", Soft = 1L, Hard = 2L });
        host.RestartPolicy.Name.Should().Be(RestartPolicyKind.UnlessStopped);
    }

    [Theory]
    [InlineData("unless-stopped", RestartPolicyKind.UnlessStopped, 0)]
    [InlineData("always", RestartPolicyKind.Always, 0)]
    [InlineData("on-failure", RestartPolicyKind.OnFailure, 7)]
    [InlineData("no", RestartPolicyKind.No, 0)]
    [InlineData("oneshot", RestartPolicyKind.No, 0)]
    public void RestartPolicy_MapsToEnginePolicy(string policy, RestartPolicyKind kind, long retries)
    {
        var mapped = DockerMapping.RestartPolicy(Spec() with { RestartPolicy = policy, RestartRetries = 7 });

        mapped.Name.Should().Be(kind);
        mapped.MaximumRetryCount.Should().Be(retries);
    }

    [Fact]
    public void RestartPolicy_Unknown_Throws()
    {
        var act = () => DockerMapping.RestartPolicy(Spec() with { RestartPolicy = "sometimes" });

        act.Should().Throw<ArgumentException>().WithMessage("*keystone_fernet*sometimes*");
    }

    [Fact]
    public void ToCreateParameters_NoneHealthcheckAndNoCommand_LeftToImage()
    {
        var parameters = DockerMapping.ToCreateParameters(
            Spec() with { Healthcheck = new ContainerHealthcheck(["NONE"]), Command = null }, new Dictionary<string, string>(), null);

        parameters.Healthcheck.Should().BeNull();
        parameters.Cmd.Should().BeNull();
        parameters.Env.Should().Contain("TZ=UTC");
    }

    [Fact]
    public void ToState_MapsInspectFields()
    {
        var inspect = new ContainerInspectResponse
        {
            ID = "0123456789abcdef",
            Name = "/keystone",
            Image = "sha256:abc",
            Path = "dumb-init",
            Args = ["--single-child", "--", "kolla_start"],
            State = new State { Status = "running", StartedAt = "2026-11-25T10:00:00.1Z", Health = new Health { Status = "healthy" } },
            Config = new ContainerConfig
            {
                Image = "kolla/keystone:2025.1",
                Env = ["A=1"],
                Labels = new Dictionary<string, string> { ["x"] = "y" },
                Volumes = new Dictionary<string, EmptyStruct> { ["/data"] = default },
                Healthcheck = new HealthcheckConfig { Test = ["CMD", "true"], Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5), StartPeriod = TimeSpan.FromSeconds(1), Retries = 2 },
            },
            HostConfig = new HostConfig
            {
                Binds = ["/a:/b:rw"],
                VolumesFrom = ["other"],
                Tmpfs = new Dictionary<string, string> { ["/t"] = "" },
                Privileged = true,
                PidMode = "host",
                IpcMode = "private",
                CgroupnsMode = "host",
                CapAdd = ["SYS_ADMIN"],
                SecurityOpt = ["label=disable"],
                Memory = 5,
                MemorySwap = 10,
                CPUShares = 2,
                CpusetCpus = "0",
                Ulimits = [new global::Docker.DotNet.Models.Ulimit { Name = "nofile", Soft = 1, Hard = 2 }],
            },
        };

        var state = DockerMapping.ToState(inspect);

        state.Name.Should().Be("keystone");
        state.Id.Should().Be("0123456789abcdef");
        state.Image.Should().Be("kolla/keystone:2025.1");
        state.ImageId.Should().Be("sha256:abc");
        state.Status.Should().Be("running");
        state.StartedAt.Should().Be("2026-11-25T10:00:00.1Z");
        state.Health.Should().Be("healthy");
        state.Labels.Should().Contain("x", "y");
        state.Environment.Should().Equal("A=1");
        state.Binds.Should().Equal("/a:/b:rw");
        state.VolumeDestinations.Should().Equal("/data");
        state.VolumesFrom.Should().Equal("other");
        state.Tmpfs.Should().Equal("/t");
        state.Privileged.Should().BeTrue();
        state.PidMode.Should().Be("host");
        state.IpcMode.Should().Be("private");
        state.CgroupnsMode.Should().Be("host");
        state.CapAdd.Should().Equal("SYS_ADMIN");
        state.SecurityOpt.Should().Equal("label=disable");
        state.Dimensions.Should().BeEquivalentTo(new { MemoryLimit = 5L, MemorySwapLimit = 10L, CpuShares = 2L, CpusetCpus = "0" });
        state.Dimensions.Ulimits.Should().Equal(new Kolla.Containers.Ulimit("nofile", 1, 2));
        state.Healthcheck.Should().BeEquivalentTo(new ContainerHealthcheck(["CMD", "true"], 10, 5, 1, 2));
        state.Command.Should().Equal("dumb-init", "--single-child", "--", "kolla_start");
    }

    [Fact]
    public void ToState_SparseInspect_Defaults()
    {
        var state = DockerMapping.ToState(new ContainerInspectResponse { ID = "x", Name = "/n" });

        state.Status.Should().BeEmpty();
        state.Health.Should().BeNull();
        state.Healthcheck.Should().BeNull();
        state.Labels.Should().BeEmpty();
        state.Command.Should().BeEmpty();
    }
}
