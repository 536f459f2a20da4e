using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// Containers that do not come up, on the real engine through the CLI: each first run fails with one error line naming the
/// container (details above it), leaves no config file cut short, and the rerun once the fault is gone converges.
/// </summary>
public sealed class ContainerFaultTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    /// <summary>Short waits, so a fault costs seconds.</summary>
    private static readonly string[] Quick = ["--settle", "1", "--health-timeout", "5", "--bootstrap-timeout", "2"];

    [Fact]
    public async Task Deploy_ContainerExitingAtOnce_FailsWithItsExitCodeAndLog_AndConvergesOnceFixed()
    {
        var deployment = NewDeployment();
        deployment.SetGlobal("ktworker_threads", "0");

        var (code, output, error) = await KollaCli.RunAsync(deployment.CliArguments("deploy", Quick), Token);

        code.Should().Be(1, output);
        error.Should().MatchRegex(
            $"^error: node1: {deployment.ContainerName("ktworker")}: keeps restarting: it exited with code 3 and the engine restarted it (once|[0-9]+ times) since this run started it \\(details in the output above\\)\n$");
        output.Should().Contain("last 20 log lines:\nktworker: threads must be at least 1");
        await WholeFiles.ShouldBeWholeAsync(deployment, await deployment.PlanAsync(Token), Token);

        deployment.SetGlobal("ktworker_threads", "2");
        var rerun = await ConvergeAsync(deployment);

        rerun.Succeeded.Should().BeTrue(Because(rerun));
        Summary(rerun, deployment).Should().Equal("WriteFile ktworker/ktworker.conf", "RestartContainer ktworker");
        (await ContainersAsync(deployment))["ktworker"].Status.Should().Be("running");
        (await ConvergeAsync(deployment)).HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task Deploy_UnhealthyContainer_FailsWithItsLastHealthCheck_AndConvergesOnceFixed()
    {
        var deployment = NewDeployment();
        deployment.SetGlobal("ktweb_health_path", "missing.html");

        var (code, output, error) = await KollaCli.RunAsync(deployment.CliArguments("deploy", Quick), Token);

        code.Should().Be(1, output);
        error.Should().MatchRegex($"^error: node1: {deployment.ContainerName("ktweb")}: not healthy after 5 s \\(health: (unhealthy|starting)\\) \\(details in the output above\\)\n$");
        output.Should().Contain("last health check output:\nwget: server returned error: HTTP/1.1 404 Not Found");
        await WholeFiles.ShouldBeWholeAsync(deployment, await deployment.PlanAsync(Token), Token);

        deployment.SetGlobal("ktweb_health_path", "index.html");
        var rerun = await ConvergeAsync(deployment);

        rerun.Succeeded.Should().BeTrue(Because(rerun));
        Summary(rerun, deployment).Should().Contain("RecreateContainer ktweb", "the health check is part of the spec");
        (await ContainersAsync(deployment))["ktweb"].Health.Should().Be("healthy");
        (await ConvergeAsync(deployment)).HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task Deploy_BootstrapThatNeverEnds_TimesOutWithItsLog_AndConvergesOnceFixed()
    {
        var deployment = NewDeployment();
        deployment.SetGlobal("ktdb_bootstrap_exit", "\"$(sleep 3600)\"");

        var (code, output, error) = await KollaCli.RunAsync(deployment.CliArguments("deploy", Quick), Token);

        code.Should().Be(1, output);
        error.Should().Be($"error: node1: {deployment.Prefix}bootstrap_ktdb: one-shot container did not finish within 2 s; last output: (details in the output above)\n");
        output.Should().Contain("initialising ktdb on node1");
        (await ContainersAsync(deployment)).Should().BeEmpty("the one-shot is removed when its time is up, and nothing after it ran");
        await WholeFiles.ShouldBeWholeAsync(deployment, await deployment.PlanAsync(Token), Token);

        deployment.SetGlobal("ktdb_bootstrap_exit", "0");
        var rerun = await ConvergeAsync(deployment);

        rerun.Succeeded.Should().BeTrue(Because(rerun));
        Summary(rerun, deployment).Should().ContainInOrder("RunBootstrap bootstrap_ktdb", "CreateContainer ktdb");
        (await ConvergeAsync(deployment)).HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task Deploy_ImageMissing_FailsNamingTheImage_AndConvergesOnceItExists()
    {
        var deployment = NewDeployment();
        var image = $"kolla-test/mariadb-server:{deployment.Prefix}missing";
        deployment.SetGlobal("ktdb_image_full", $"\"{image}\"");
        try
        {
            var (code, output, error) = await KollaCli.RunAsync(deployment.CliArguments("deploy", Quick), Token);

            code.Should().Be(1, output);
            error.Should().StartWith($"error: node1: {image}: pull failed: ").And.NotContain("   at ");
            error.TrimEnd('\n').Should().NotContain("\n");
            (await ContainersAsync(deployment)).Should().BeEmpty("nothing runs without its image");
            await WholeFiles.ShouldBeWholeAsync(deployment, await deployment.PlanAsync(Token), Token);

            (await Engine.DockerAsync(["tag", Engine.TestImage, image], Token)).EnsureSuccess();
            var rerun = await ConvergeAsync(deployment);

            rerun.Succeeded.Should().BeTrue(Because(rerun));
            Summary(rerun, deployment).Should().ContainInOrder("RunBootstrap bootstrap_ktdb", "CreateContainer ktdb").And.NotContain($"PullImage {image}", "the image is there now");
            (await ConvergeAsync(deployment)).HasChanges.Should().BeFalse();
        }
        finally
        {
            await Engine.DockerAsync(["rmi", image], CancellationToken.None);
        }
    }
}
