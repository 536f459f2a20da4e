using System.Text;
using Kolla.Changes;
using Kolla.Converge;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>A Docker engine that dies in the middle of a converge (a throwaway engine of this test's own).</summary>
public sealed class DockerFaultTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    [Fact]
    public async Task EngineKilledMidConverge_FailsClearly_LeavesNoHalfWrittenFile_AndARerunAfterRestartConverges()
    {
        var id = "cv" + Guid.NewGuid().ToString("N")[..8];
        var engines = new List<PrivateDockerd>();
        try
        {
            await RunAsync(id, engines);
        }
        finally
        {
            for (var i = engines.Count - 1; i >= 0; i--)
            {
                await engines[i].DisposeAsync();
            }

            KillLeftovers($"/tmp/kt-docker-{id}/");
        }
    }

    private async Task RunAsync(string id, List<PrivateDockerd> engines)
    {
        var first = await PrivateDockerd.StartAsync(id, Token);
        engines.Add(first);
        (await ExternalCommand.RunInfraScriptAsync("build-test-image.sh", [first.DockerHost], cancellationToken: Token)).EnsureSuccess();
        var deployment = NewDeployment(first.DockerHost);
        var initial = await ConvergeAsync(deployment);
        initial.Succeeded.Should().BeTrue(Because(initial));
        var oldFiles = await ContentsAsync(deployment);
        deployment.SetGlobal("kt_greeting", "changed");
        var newFiles = (await deployment.PlanAsync(Token)).Hosts.Single().Containers.SelectMany(c => c.Files)
            .ToDictionary(f => Path.GetRelativePath(deployment.NodeDirectory("node1"), f.Path), f => Encoding.UTF8.GetString(f.Content.Span));

        var killed = false;
        var progress = new InlineProgress(e =>
        {
            if (!killed && e is ChangeAppliedEvent { Change: WriteFileChange })
            {
                killed = true;
                first.Crash();
            }
        });
        var failed = await ConvergeAsync(deployment, progress);

        killed.Should().BeTrue();
        failed.Succeeded.Should().BeFalse();
        failed.Hosts.Single().Error.Should().StartWith($"node1: Docker engine at {first.DockerHost} is not reachable (")
            .And.EndWith($") while trying to restart {deployment.ContainerName("ktdb")}", "the first write was ktdb's config file, so its restart is the first engine call after the crash");
        Directory.EnumerateFiles(deployment.NodeDirectory("node1"), "*", SearchOption.AllDirectories)
            .Should().NotContain(p => p.Contains(".kolla-tmp-", StringComparison.Ordinal) || p.EndsWith(".tmp", StringComparison.Ordinal), "no temporary file is left behind");
        var afterCrash = await ContentsAsync(deployment);
        foreach (var (path, content) in newFiles)
        {
            content.Should().BeOneOf([oldFiles[path], newFiles[path]], $"{path} is either the old or the new file, never a mix");
        }

        afterCrash["ktdb/ktdb.cnf"].Should().Be(newFiles["ktdb/ktdb.cnf"], "written before the engine died");
        afterCrash["ktapi/ktapi.conf"].Should().Be(oldFiles["ktapi/ktapi.conf"], "the run stopped before ktapi");

        var cli = await KollaCli.RunAsync(deployment.CliArguments("deploy"), Token);
        cli.Code.Should().Be(1);
        cli.Error.Should().StartWith($"error: node1: Docker engine at {first.DockerHost} is not reachable").And.NotContain("   at ");
        cli.Error.TrimEnd('\n').Should().NotContain("\n");

        engines.Add(await PrivateDockerd.StartAsync(id, Token));
        var rerun = await ConvergeAsync(deployment);

        rerun.Succeeded.Should().BeTrue(Because(rerun));
        rerun.Changes["node1"].OfType<RestartContainerChange>().Single(c => c.Container == deployment.ContainerName("ktdb")).Reason
            .Should().Be("its configuration changed in an earlier run", "restarts are decided from state, so the interrupted one is not lost");
        Summary(rerun, deployment).Should().Contain(["WriteFile ktapi/ktapi.conf", "RestartContainer ktapi", "RestartContainer ktweb", "HeldRestart ktlibvirt"]);
        (await ContentsAsync(deployment)).Where(p => newFiles.ContainsKey(p.Key)).Should().BeEquivalentTo(newFiles);
        var settled = await ConvergeAsync(deployment);
        Summary(settled, deployment).Should().Equal(["HeldRestart ktlibvirt"], "everything else runs the new configuration");
    }

    /// <summary>The crash orphans the engine's container shims (and their containers): kill what still names its directory.</summary>
    private static void KillLeftovers(string directory)
    {
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(proc, "cmdline")).Contains(directory, StringComparison.Ordinal))
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile.
            }
        }
    }

    private async Task<Dictionary<string, string>> ContentsAsync(TestDeployment deployment)
    {
        var root = deployment.NodeDirectory("node1");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(root, path)] = await File.ReadAllTextAsync(path, Token);
        }

        return result;
    }
}
