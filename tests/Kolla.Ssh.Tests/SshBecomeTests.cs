using System.Security.Cryptography;
using Kolla.Hosts;
using Kolla.TestKit;

namespace Kolla.Tests;

[Collection("ssh")]
[Trait("Category", "Integration")]
public sealed class SshBecomeTests(SshHostEnvironment env)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NonRootLogin_WithSudo_WritesRootOwnedFilesAndReachesDocker()
    {
        env.RequireAvailable();
        if (!File.Exists("/usr/bin/sudo") || !File.Exists("/usr/sbin/useradd"))
        {
            throw TestRig.Unavailable($"The become test needs sudo and useradd (packages sudo, passwd); {TestRig.InstallHint}.");
        }

        var user = "kt" + RandomNumberGenerator.GetHexString(6, lowercase: true);
        var sudoers = "/etc/sudoers.d/" + user;
        await TestShell.RunAsync("useradd", "-M", "-d", "/nonexistent", "-s", "/bin/sh", "-p", "*", user);
        try
        {
            await File.WriteAllTextAsync(sudoers, $"{user} ALL=(ALL) NOPASSWD: ALL\n", Token);
            await TestShell.RunAsync("chmod", "440", sudoers);
            var root = env.NewDirectory("become");
            await TestShell.RunAsync("chmod", "700", root);
            var options = env.Options(env.WriteKnownHosts(env.Server.KnownHostsLine));

            await using var connection = await env.Connector(options).ConnectAsync(env.Target(user: user) with { ReadAheadDirectory = root }, Token);
            var readAhead = await connection.Files.ReadTreeStateAsync(root, Token);
            var path = root + "/nova/nova.conf";
            await connection.Files.WriteAsync(path, "[DEFAULT]\n"u8.ToArray(), new HostFileMode(Convert.ToInt32("640", 8), Group: "nogroup"), Token);
            await connection.Files.EnsureDirectoryAsync(root + "/nova/sub", HostFileMode.ConfigDirectory, Token);
            var state = await connection.Files.ReadTreeStateAsync(root, Token);
            var read = await connection.Files.ReadAsync(path, Token);
            var missing = await connection.Files.ReadAsync(path + ".nope", Token);
            var containers = await connection.Containers.ListAsync(Token);

            (await TestShell.StatAsync("%a %U %G", path)).Should().Be("640 root nogroup");
            (await TestShell.StatAsync("%a %U", root + "/nova/sub")).Should().Be("770 root");
            state.Keys.Should().Equal(path);
            readAhead.Should().BeEmpty("the tree was read through sudo while connecting, before anything was written");
            read.Should().Equal("[DEFAULT]\n"u8.ToArray());
            missing.Should().BeNull();
            containers.Should().NotBeNull();
            Directory.GetFiles(root + "/nova").Should().Equal(path);

            var blocked = async () => await connection.Files.WriteAsync(path + "/under-a-file", new byte[200_000], HostFileMode.ConfigFile, Token);
            (await blocked.Should().ThrowAsync<HostExecutionException>()).Which.Message.Should().Contain(path + "/under-a-file");

            await connection.Files.DeleteTreeAsync(root + "/nova", Token);
            Directory.Exists(root + "/nova").Should().BeFalse();
        }
        finally
        {
            File.Delete(sudoers);
            await DeleteUserAsync(user);
        }
    }

    /// <summary>userdel refuses while the user's sshd session is still closing: retry for a while.</summary>
    private static async Task DeleteUserAsync(string user)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await TestShell.RunAsync("userdel", user);
                return;
            }
            catch (InvalidOperationException) when (attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }
}
