using Kolla.Converge;
using Kolla.Ssh;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// Faults over SSH (a private sshd in front of the assembly's engine): the connection cut in the middle of a file batch,
/// and a bootstrap one-shot that never ends on the remote engine.
/// </summary>
public sealed class SshFaultTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    /// <summary>Big enough that its transfer is under way when the cut comes.</summary>
    private const int PolicySize = 48 << 20;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Converge_ConnectionCutMidFileBatch_LeavesNoFileCutShort_AndARerunConverges(bool withoutSftp)
    {
        // A 48 MiB override is past the default input and output limits (16 MiB, docs/limits.md): raise them, as an
        // operator would, for this process (no test of this assembly relies on the defaults).
        Environment.SetEnvironmentVariable("KOLLA_MAX_DOCUMENT_BYTES", (PolicySize * 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Environment.SetEnvironmentVariable("KOLLA_MAX_TEMPLATE_OUTPUT", (PolicySize * 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = Engine.DockerHost, WithoutSftp = withoutSftp }, Token);
        var deployment = NewSshDeployment(server);
        deployment.WriteOverride("ktapi/policy.yaml", "# " + new string('p', PolicySize) + "\n");
        var plan = await deployment.PlanAsync(Token);
        var policy = deployment.ConfigPath("node1", "ktapi", "policy.yaml");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var cutter = CutWhenTransferringAsync(server, Path.GetDirectoryName(policy)!, stop.Token);

        var result = await new Converger(Connector(server), Options).ApplyAsync(plan, null, Token);
        await stop.CancelAsync();
        var cut = await cutter;

        cut.Should().BeTrue("the connection was cut while policy.yaml was on its way");
        result.Hosts.Single().Error.Should().StartWith("node1: the SSH connection was lost").And.NotContain("\n");
        if (withoutSftp)
        {
            // The batch command outlives the cut and sees its input end: it must remove its temporary file, not rename a
            // short one into place. Wait for it to be done with the file either way.
            await WaitUntilAsync(() => !Temporaries(policy).Any());
        }

        File.Exists(policy).Should().BeFalse("policy.yaml never arrived whole, so it was never put in place");
        var present = await WholeFiles.ShouldBeWholeAsync(deployment, plan, Token, temporaryAllowed: !withoutSftp);
        present.Should().Contain("ktdb/ktdb.cnf", "the first service's batch was complete before the cut");

        var rerun = await new Converger(Connector(server), Options).ApplyAsync(await deployment.PlanAsync(Token), null, Token);

        rerun.Succeeded.Should().BeTrue(Because(rerun));
        (await WholeFiles.ShouldBeWholeAsync(deployment, plan, Token)).Should().Contain("ktapi/policy.yaml");
        WholeFiles.ShouldHaveNoTemporaryFile(deployment);
        (await ContainersAsync(deployment)).Keys.Should().BeEquivalentTo(TestCatalogue.Containers);
        (await new Converger(Connector(server), Options).ApplyAsync(await deployment.PlanAsync(Token), null, Token)).HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task Deploy_BootstrapThatNeverEndsOnARemoteEngine_TimesOutWithItsLog_AndConvergesOnceFixed()
    {
        await using var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = Engine.DockerHost }, Token);
        var deployment = NewSshDeployment(server);
        deployment.SetGlobal("ktdb_bootstrap_exit", "\"$(sleep 3600)\"");
        string[] ssh = ["--private-key", server.ClientKeyPath, "--known-hosts", server.KnownHostsPath, "--settle", "1", "--bootstrap-timeout", "3"];

        var (code, output, error) = await KollaCli.RunAsync(deployment.CliArguments("deploy", ssh), Token);

        code.Should().Be(1, output);
        error.Should().Be($"error: node1: {deployment.Prefix}bootstrap_ktdb: one-shot container did not finish within 3 s; last output: (details in the output above)\n");
        output.Should().Contain("initialising ktdb on node1");
        (await ContainersAsync(deployment)).Should().BeEmpty("the one-shot is removed when its time is up");

        deployment.SetGlobal("ktdb_bootstrap_exit", "0");
        var rerun = await KollaCli.RunAsync(deployment.CliArguments("deploy", ssh), Token);

        rerun.Code.Should().Be(0, rerun.Out + rerun.Error);
        (await ContainersAsync(deployment)).Keys.Should().BeEquivalentTo(TestCatalogue.Containers);
    }

    /// <summary>The lengths of the temporary files of <paramref name="path"/> now (a file that goes meanwhile is left out).</summary>
    private static List<long> Temporaries(string path)
    {
        var lengths = new List<long>();
        var directory = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            return lengths;
        }

        foreach (var temp in Directory.EnumerateFiles(directory, $".{Path.GetFileName(path)}.kolla-*"))
        {
            try
            {
                lengths.Add(new FileInfo(temp).Length);
            }
            catch (FileNotFoundException)
            {
                // Renamed or removed meanwhile.
            }
        }

        return lengths;
    }

    private async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private TestDeployment NewSshDeployment(SshServer server) =>
        NewDeployment(Engine.DockerHost, ("node1", $"ansible_host={server.Host} ansible_port={server.Port} ansible_user=root"));

    private static SshHostConnector Connector(SshServer server) =>
        SshHostConnector.Create(new SshExecutorOptions { PrivateKeyFile = server.ClientKeyPath, KnownHostsFile = server.KnownHostsPath });

    /// <summary>Cuts the server's connections as soon as a temporary policy.yaml holds part of its content; true when it did.</summary>
    private static async Task<bool> CutWhenTransferringAsync(SshServer server, string directory, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Temporaries(Path.Combine(directory, "policy.yaml")).Any(length => length is > 1 << 20 and < PolicySize))
                {
                    (await server.CutConnectionsAsync(CancellationToken.None)).Should().BeGreaterThan(0);
                    return true;
                }

                await Task.Delay(2, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
