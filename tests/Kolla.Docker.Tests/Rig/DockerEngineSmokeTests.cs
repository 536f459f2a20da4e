using Kolla.TestKit;

namespace Kolla.Tests.Rig;

/// <summary>Proves the test rig: the private engine runs containers from the busybox test image.</summary>
public sealed class DockerEngineSmokeTests(DockerEngineFixture engine)
{
    [Fact]
    public async Task Run_BusyboxContainer_ReportsOutputAndExitCode()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMinutes(2));
        await engine.EnsureTestImageAsync(cts.Token);
        var name = engine.NameFor("smoke");

        var run = await engine.DockerAsync(
            ["run", "--name", name, "--label", engine.RunLabel, "--net", "host", engine.TestImage,
             "sh", "-c", "echo \"sum=$((20 + 22)) host=$(hostname)\"; echo oops >&2; exit 7"],
            cts.Token);
        var inspect = await engine.DockerAsync(
            ["inspect", "--format", "{{.State.ExitCode}} {{index .Config.Labels \"kolla.test.run\"}}", name], cts.Token);
        var removed = await engine.DockerAsync(["rm", "-f", name], cts.Token);
        var after = await engine.DockerAsync(["ps", "-aq", "--filter", $"name=^{name}$"], cts.Token);

        run.ExitCode.Should().Be(7, run.StandardError);
        run.StandardOutput.Should().Be($"sum=42 host={Environment.MachineName}\n");
        run.StandardError.Should().Contain("oops");
        inspect.EnsureSuccess().StandardOutput.Trim().Should().Be($"7 {engine.RunId}");
        removed.EnsureSuccess();
        after.EnsureSuccess().StandardOutput.Should().BeEmpty();
    }

    [Fact]
    public async Task TestImage_EveryServiceTag_IsTheSameBusyboxImage()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMinutes(2));
        await engine.EnsureTestImageAsync(cts.Token);

        var ids = await engine.DockerAsync(["image", "inspect", "--format", "{{.Id}}", .. engine.TestImageTags], cts.Token);
        var shell = await engine.DockerAsync(["run", "--rm", "--label", engine.RunLabel, TestImages.For("keystone"), "readlink", "/bin/sh"], cts.Token);

        engine.TestImageTags.Should().Contain(["kolla-test/busybox:latest", "kolla-test/keystone:test", "kolla-test/mariadb-server:test"]);
        ids.EnsureSuccess().StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Should().ContainSingle();
        shell.EnsureSuccess().StandardOutput.Trim().Should().Be("/bin/busybox");
    }
}
