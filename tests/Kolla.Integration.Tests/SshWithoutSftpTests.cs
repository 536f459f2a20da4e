using Kolla.Converge;
using Kolla.Ssh;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>An sshd without an SFTP subsystem (as the anchor harness starts it: <c>sshd -f /dev/null</c>): files go through commands.</summary>
public sealed class SshWithoutSftpTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    [Fact]
    public async Task Converge_OverSshWithoutSftp_WritesFilesThroughCommands_AndRerunTouchesNothing()
    {
        await using var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = Engine.DockerHost, WithoutSftp = true }, Token);
        var deployment = NewDeployment(Engine.DockerHost, ("node1", $"ansible_host={server.Host} ansible_port={server.Port} ansible_user=root"));
        var connector = SshHostConnector.Create(new SshExecutorOptions { PrivateKeyFile = server.ClientKeyPath, KnownHostsFile = server.KnownHostsPath });

        var first = await new Converger(connector, Options).ApplyAsync(await deployment.PlanAsync(Token), null, Token);

        first.Succeeded.Should().BeTrue(Because(first));
        var files = await FilesAsync(deployment);
        files["ktapi/ktapi.conf"].Mode.Should().Be(Convert.ToInt32("660", 8));
        files.Keys.Should().NotContain(p => p.Contains(".kolla-", StringComparison.Ordinal) && !p.StartsWith(".kolla-state/", StringComparison.Ordinal));
        var containers = await ContainersAsync(deployment);
        containers.Keys.Should().BeEquivalentTo(TestCatalogue.Containers);

        deployment.WriteOverride("ktapi.conf", "[DEFAULT]\ndebug = True\n");
        var plan = (await new Converger(connector, Options).GetChangesAsync(await deployment.PlanAsync(Token), Token)).Single();

        plan.Error.Should().BeNull();
        Summary(plan.Changes, deployment).Should().Equal("WriteFile ktapi/ktapi.conf", "RestartContainer ktapi");
        plan.CurrentFiles.Should().ContainKey(deployment.ConfigPath("node1", "ktapi", "ktapi.conf"), "the current file is read for the diff");

        deployment.DeleteOverride("ktapi.conf");
        var rerun = await new Converger(connector, Options).ApplyAsync(await deployment.PlanAsync(Token), null, Token);

        rerun.HasChanges.Should().BeFalse(Because(rerun));
        (await FilesAsync(deployment)).Should().BeEquivalentTo(files);
        (await ContainersAsync(deployment)).Should().BeEquivalentTo(containers);
    }
}
