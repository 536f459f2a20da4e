using System.Security.Cryptography;
using Kolla.Converge;
using Kolla.Ssh;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>
/// Docker over sshd's own channel to the engine's socket (<c>direct-streamlocal@openssh.com</c>): the login user's shell logs
/// every command sshd runs through it, and its <c>docker</c> refuses to run, so any Docker API connection through
/// <c>docker system dial-stdio</c> would fail the deploy.
/// </summary>
public sealed class SshSocketChannelTests(DockerEngineFixture engine) : ConvergeTestBase(engine)
{
    [Fact]
    public async Task Converge_DockerThroughTheSocketChannel_NoShellForDocker_NoOpRerunIsOneLogin()
    {
        if (!TestRig.IsRoot || !File.Exists("/usr/sbin/useradd"))
        {
            throw TestRig.Unavailable($"The socket-channel test creates a user (root and useradd, package passwd); {TestRig.InstallHint}.");
        }

        var socket = Engine.DockerHost["unix://".Length..];
        var socketGroup = (await RunAsync("stat", "-c", "%G", socket)).Trim();
        var user = "kt" + RandomNumberGenerator.GetHexString(6, lowercase: true);
        var rig = Path.Combine(Path.GetTempPath(), "kt-shell-" + user);
        var log = Path.Combine(rig, "shell.log");
        Directory.CreateDirectory(Path.Combine(rig, "bin"));
        await File.WriteAllTextAsync(log, "", Token);
        await File.WriteAllTextAsync(Path.Combine(rig, "shell"),
            "#!/bin/sh\n"
            + "# Login shell of the test user: one log line per command sshd runs through it, and no docker CLI.\n"
            + $"printf '%s\\n' \"$*\" | tr '\\n' ' ' >>{log}; echo >>{log}\n"
            + $"PATH={rig}/bin:$PATH; export PATH\n"
            + "exec /bin/sh \"$@\"\n", Token);
        await File.WriteAllTextAsync(Path.Combine(rig, "bin", "docker"),
            $"#!/bin/sh\necho \"docker $*\" >>{log}.docker\necho 'this test allows no docker CLI' >&2\nexit 97\n", Token);
        await RunAsync("chmod", "755", rig, Path.Combine(rig, "bin"), Path.Combine(rig, "shell"), Path.Combine(rig, "bin", "docker"));
        await RunAsync("chmod", "666", log);
        await RunAsync("useradd", "-M", "-d", "/nonexistent", "-s", Path.Combine(rig, "shell"), "-G", socketGroup, "-p", "*", user);
        try
        {
            await using var server = await SshServer.StartAsync(new SshServerOptions { DockerHost = Engine.DockerHost }, Token);
            var deployment = NewDeployment(Engine.DockerHost, ("node1", $"ansible_host={server.Host} ansible_port={server.Port} ansible_user={user} ansible_become=false"));
            await RunAsync("chown", "-R", $"{user}:", deployment.Root);
            var connector = SshHostConnector.Create(new SshExecutorOptions { PrivateKeyFile = server.ClientKeyPath, KnownHostsFile = server.KnownHostsPath });

            var first = await new Converger(connector, Options).ApplyAsync(await deployment.PlanAsync(Token), null, Token);

            first.Succeeded.Should().BeTrue(Because(first));
            var containers = await ContainersAsync(deployment);
            containers.Keys.Should().BeEquivalentTo(TestCatalogue.Containers);
            var cold = await File.ReadAllLinesAsync(log, Token);
            await File.WriteAllTextAsync(log, "", Token);

            var rerun = await new Converger(connector, Options).ApplyAsync(await deployment.PlanAsync(Token), null, Token);

            rerun.Succeeded.Should().BeTrue(Because(rerun));
            rerun.HasChanges.Should().BeFalse(Because(rerun));
            File.Exists(log + ".docker").Should().BeFalse("no Docker API connection ran the docker CLI");
            cold.Should().NotBeEmpty().And.NotContain(l => l.Contains("dial-stdio", StringComparison.Ordinal) && !l.Contains("kolla_next", StringComparison.Ordinal),
                "Docker never got a shell of its own");
            var logins = await File.ReadAllLinesAsync(log, Token);
            logins.Should().ContainSingle("a no-op rerun costs one login: facts, file state and the Docker endpoint in one command")
                .Which.Should().Contain("kolla-docker-endpoint-");
        }
        finally
        {
            await DeleteUserAsync(user);
            Directory.Delete(rig, recursive: true);
        }
    }

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
