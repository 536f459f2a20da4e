using System.Security.Cryptography;
using Kolla.Converge;
using Kolla.Ssh;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// What a no-op rerun over SSH costs the host in login shells: the login user's shell logs every command sshd runs through
/// it (exec requests, and subsystems other than <c>internal-sftp</c>), so the count is what a busy <c>.bashrc</c> multiplies.
/// </summary>
public class SshNoOpLoginTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    [Fact]
    public async Task Converge_NoOpRerunWithFacts_CostsOneLoginShell()
    {
        if (!TestRig.IsRoot || !File.Exists("/usr/sbin/useradd"))
        {
            throw TestRig.Unavailable($"The login-count test creates a user (root and useradd, package passwd); {TestRig.InstallHint}.");
        }

        var podman = ContainerEngine == "podman";
        var socket = Engine.DockerHost["unix://".Length..];
        var socketGroup = (await RunAsync("stat", "-c", "%G", socket)).Trim();
        var socketMode = (await RunAsync("stat", "-c", "%a", socket)).Trim();
        var user = "kt" + RandomNumberGenerator.GetHexString(6, lowercase: true);
        var rig = Path.Combine(Path.GetTempPath(), "kt-shell-" + user);
        var log = Path.Combine(rig, "shell.log");
        Directory.CreateDirectory(rig);
        await File.WriteAllTextAsync(log, "", Token);
        await File.WriteAllTextAsync(Path.Combine(rig, "shell"),
            "#!/bin/sh\n"
            + "# Login shell of the test user: one log line per command sshd runs through it.\n"
            + $"printf '%s\\n' \"$*\" | tr '\\n' ' ' >>{log}; echo >>{log}\n"
            + "exec /bin/sh \"$@\"\n", Token);
        await RunAsync("chmod", "755", rig, Path.Combine(rig, "shell"));
        await RunAsync("chmod", "666", log);
        // The podman CLI wants a home directory even as a remote client; its socket is root's only (mode 600).
        await RunAsync("useradd", "-M", "-d", podman ? rig : "/nonexistent", "-s", Path.Combine(rig, "shell"), "-G", socketGroup, "-p", "*", user);
        try
        {
            if (podman)
            {
                await RunAsync("chown", $"{user}:", rig);
                await RunAsync("chmod", "666", socket);
            }

            await using var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = Engine.DockerHost }, Token);
            var engineHost = podman ? $" kolla_docker_host={Engine.DockerHost}" : "";
            var deployment = NewDeployment(Engine.DockerHost, ("node1", $"ansible_host={server.Host} ansible_port={server.Port} ansible_user={user} ansible_become=false{engineHost}"));
            await RunAsync("chown", "-R", $"{user}:", deployment.Root);
            var options = new SshExecutorOptions { PrivateKeyFile = server.ClientKeyPath, KnownHostsFile = server.KnownHostsPath };

            var first = await DeployWithFactsAsync(deployment, options);

            first.Succeeded.Should().BeTrue(Because(first));
            (await ContainersAsync(deployment)).Keys.Should().BeEquivalentTo(TestCatalogue.Containers);
            await File.WriteAllTextAsync(log, "", Token);

            var rerun = await DeployWithFactsAsync(deployment, options);

            rerun.Succeeded.Should().BeTrue(Because(rerun));
            rerun.HasChanges.Should().BeFalse(Because(rerun));
            var logins = await File.ReadAllLinesAsync(log, Token);
            logins.Select(Shortened).Should().ContainSingle("a no-op rerun costs one login: facts, file state and the first Docker connection ride one command");
            logins[0].Should().Contain("kolla-facts").And.Contain("find ").And.Contain($"{(podman ? "podman" : "docker")} system dial-stdio");
        }
        finally
        {
            await RunAsync("chmod", socketMode, socket);
            await DeleteUserAsync(user);
            Directory.Delete(rig, recursive: true);
        }
    }

    /// <summary>As <c>kolla deploy</c> does it: facts through the connector first, then the converge on the same connections.</summary>
    private async Task<DeployResult> DeployWithFactsAsync(TestDeployment deployment, SshExecutorOptions options)
    {
        await using var connector = SshHostConnector.Create(options);
        var plan = await deployment.PlanAsync(Token);
        foreach (var host in plan.Hosts)
        {
            await connector.GatherFactsAsync(host.Target with { ReadAheadDirectory = host.NodeConfigDirectory }, Token);
        }

        return await new Converger(connector, Options).ApplyAsync(plan, null, Token);
    }

    /// <summary>A logged command line as the failure message lists it: its first 100 characters.</summary>
    private static string Shortened(string line) => line.Length <= 100 ? line : line[..100] + "…";

    private async Task<string> RunAsync(string program, params string[] arguments) =>
        (await ExternalCommand.RunAsync(program, arguments, cancellationToken: Token)).EnsureSuccess().StandardOutput;

    /// <summary>userdel refuses while the user's sshd sessions are still closing: retry for a while.</summary>
    private static async Task DeleteUserAsync(string user)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await ExternalCommand.RunAsync("userdel", [user]);
            if (result.Succeeded || attempt >= 50)
            {
                return;
            }

            await Task.Delay(200);
        }
    }
}

/// <summary>The same on a Podman host (<c>kolla_container_engine: podman</c>): facts, file state and the first
/// <c>podman system dial-stdio</c> ride one login.</summary>
public sealed class SshPodmanNoOpLoginTests(PodmanEngineFixture engine) : SshNoOpLoginTests(engine), IClassFixture<PodmanEngineFixture>
{
    protected override string ContainerEngine => "podman";
}
