using Kolla.Converge;
using Kolla.Ssh;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// What a no-op rerun over SSH costs the host in login shells: the login user's shell logs every command sshd runs through
/// it (exec requests, and subsystems other than <c>internal-sftp</c>), so the count is what a busy <c>.bashrc</c> multiplies.
/// </summary>
public class SshNoOpLoginTests(DockerEngineFixture engine) : LoginCountTestBase(engine)
{
    [Fact]
    public async Task Converge_NoOpRerunWithFacts_CostsOneLoginShell()
    {
        var podman = ContainerEngine == "podman";
        await using var user = await LoggingLoginUser.CreateAsync(Engine.DockerHost["unix://".Length..], podman, Token);
        await using var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = Engine.DockerHost }, Token);
        var engineHost = podman ? $" kolla_docker_host={Engine.DockerHost}" : "";
        var deployment = NewDeployment(Engine.DockerHost, ("node1", $"ansible_host={server.Host} ansible_port={server.Port} ansible_user={user.Name} ansible_become=false{engineHost}"));
        await ExternalCommand.RunAsync("chown", ["-R", $"{user.Name}:", deployment.Root], cancellationToken: Token);
        var options = new SshExecutorOptions { PrivateKeyFile = server.ClientKeyPath, KnownHostsFile = server.KnownHostsPath };

        var first = await DeployWithFactsAsync(deployment, options);

        first.Succeeded.Should().BeTrue(Because(first));
        (await ContainersAsync(deployment)).Keys.Should().BeEquivalentTo(TestCatalogue.Containers);
        await user.ClearAsync(Token);

        var rerun = await DeployWithFactsAsync(deployment, options);

        rerun.Succeeded.Should().BeTrue(Because(rerun));
        rerun.HasChanges.Should().BeFalse(Because(rerun));
        var logins = await user.LoginsAsync(Token);
        logins.Select(Shortened).Should().ContainSingle("a no-op rerun costs one login: facts, file state and the first Docker connection ride one command");
        logins[0].Should().Contain("kolla-facts").And.Contain("find ").And.Contain($"{(podman ? "podman" : "docker")} system dial-stdio");
    }
}

/// <summary>The same on a Podman host (<c>kolla_container_engine: podman</c>): facts, file state and the first
/// <c>podman system dial-stdio</c> ride one login.</summary>
public sealed class SshPodmanNoOpLoginTests(PodmanEngineFixture engine) : SshNoOpLoginTests(engine), IClassFixture<PodmanEngineFixture>
{
    protected override string ContainerEngine => "podman";
}

/// <summary>
/// A Docker host whose engine socket is named (<c>kolla_docker_host: unix:///...</c>) and whose facts are cached needs no
/// login shell at all: Docker goes through sshd's <c>direct-streamlocal@openssh.com</c> channel and the config tree is read
/// over SFTP (the rig's sshd runs <c>internal-sftp</c>).
/// </summary>
public sealed class SshNoShellLoginTests(DockerEngineFixture engine) : LoginCountTestBase(engine)
{
    [Fact]
    public async Task Converge_NoOpRerunWithSocketAndFactCache_RunsNoLoginShell_AndStillSeesDrift()
    {
        await using var user = await LoggingLoginUser.CreateAsync(Engine.DockerHost["unix://".Length..], podman: false, Token);
        await using var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = Engine.DockerHost }, Token);
        var deployment = NewDeployment(Engine.DockerHost,
            ("node1", $"ansible_host={server.Host} ansible_port={server.Port} ansible_user={user.Name} ansible_become=false kolla_docker_host={Engine.DockerHost}"));
        await ExternalCommand.RunAsync("chown", ["-R", $"{user.Name}:", deployment.Root], cancellationToken: Token);
        var options = new SshExecutorOptions { PrivateKeyFile = server.ClientKeyPath, KnownHostsFile = server.KnownHostsPath };
        var cache = Path.Combine(user.Directory, "facts");

        var first = await DeployWithFactsAsync(deployment, options, cache);

        first.Succeeded.Should().BeTrue(Because(first));
        File.Exists(Path.Combine(cache, "node1")).Should().BeTrue("the first run gathers the facts into the cache");
        (await ContainersAsync(deployment)).Keys.Should().BeEquivalentTo(TestCatalogue.Containers);
        await user.ClearAsync(Token);

        var rerun = await DeployWithFactsAsync(deployment, options, cache);

        rerun.Succeeded.Should().BeTrue(Because(rerun));
        rerun.HasChanges.Should().BeFalse(Because(rerun));
        (await user.LoginsAsync(Token)).Select(Shortened).Should().BeEmpty("facts come from the cache, Docker from sshd's socket channel, the file state over SFTP");

        var conf = deployment.ConfigPath("node1", "ktapi", "ktapi.conf");
        await File.AppendAllTextAsync(conf, "# drifted\n", Token);
        await using var connector = SshHostConnector.Create(options);
        var changes = (await new Converger(connector, Options).GetChangesAsync(await deployment.PlanAsync(Token), Token)).Single();

        changes.Error.Should().BeNull();
        Summary(changes.Changes, deployment).Should().Contain("WriteFile ktapi/ktapi.conf");
        (await user.LoginsAsync(Token)).Select(Shortened).Should().BeEmpty("the drift is seen through SFTP too");
    }
}
