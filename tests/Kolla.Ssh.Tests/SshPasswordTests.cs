using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Ssh;
using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary>Passwords from the inventory: <c>ansible_become_password</c> for a sudo that asks, <c>ansible_ssh_pass</c> for the login.</summary>
[Collection("ssh")]
[Trait("Category", "Integration")]
public sealed class SshPasswordTests(SshHostEnvironment env)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectAsync_SudoAsksForPassword_BecomePasswordWritesRootFilesAndReachesDocker()
    {
        env.RequireAvailable();
        await using var user = await TestUser.CreateAsync("ALL=(ALL) ALL");
        var root = env.NewDirectory("become-password");
        await TestShell.RunAsync("chmod", "700", root);

        await using var connection = await Connect(user.Name, new() { ["ansible_become_password"] = user.Password }, root);
        var readAhead = await connection.Files.ReadTreeStateAsync(root, Token);
        await connection.Files.WriteAsync(root + "/nova/nova.conf", "[DEFAULT]\n"u8.ToArray(), HostFileMode.ConfigFile, Token);
        var read = await connection.Files.ReadAsync(root + "/nova/nova.conf", Token);
        var containers = await connection.Containers.ListAsync(Token);

        readAhead.Should().BeEmpty();
        read.Should().Equal("[DEFAULT]\n"u8.ToArray());
        (await TestShell.StatAsync("%U", root + "/nova/nova.conf")).Should().Be("root");
        containers.Should().NotBeNull("Docker's dial-stdio ran through sudo -S with the password");
    }

    [Fact]
    public async Task ConnectAsync_WrongOrMissingBecomePassword_FailsNamingTheVariable()
    {
        env.RequireAvailable();
        await using var user = await TestUser.CreateAsync("ALL=(ALL) ALL");

        var wrong = async () => await Connect(user.Name, new() { ["ansible_become_password"] = "not-" + user.Password });
        var missing = async () => await Connect(user.Name, []);

        (await wrong.Should().ThrowAsync<HostExecutionException>()).Which.Message.Should().Contain("ansible_become_password").And.NotContain(user.Password);
        (await missing.Should().ThrowAsync<HostExecutionException>()).Which.Message.Should().Contain("set ansible_become_password");
    }

    [Fact]
    public async Task ConnectAsync_NoPasswdSudoWithBecomePassword_RunsWithoutSendingIt()
    {
        env.RequireAvailable();
        await using var user = await TestUser.CreateAsync("ALL=(ALL) NOPASSWD: ALL");
        var root = env.NewDirectory("become-nopasswd");

        await using var connection = await Connect(user.Name, new() { ["ansible_become_password"] = "unused" }, root);
        await connection.Files.WriteAsync(root + "/a.conf", "a\n"u8.ToArray(), HostFileMode.ConfigFile, Token);

        ((SshHostConnection)connection).Session.Become.ReadsPassword.Should().BeFalse();
        (await File.ReadAllTextAsync(root + "/a.conf", Token)).Should().Be("a\n", "the password line did not end up in the file's content");
    }

    [Fact]
    public async Task ConnectAsync_AnsibleSshPass_LogsInWithPassword()
    {
        env.RequireAvailable();
        await using var server = await SshServer.StartAsync(new SshServerOptions { PasswordAuthentication = true }, Token);
        await using var user = await TestUser.CreateAsync();
        var shared = env.NewDirectory("password-login");
        await TestShell.RunAsync("chmod", "1777", shared);
        var options = env.Options(env.WriteKnownHosts(server.KnownHostsLine));
        options.PrivateKeyFile = null;
        options.AgentSocket = null;
        options.SshConfigFile = "none";
        var target = new HostTarget("node-p", server.Host, server.Port, user.Name, Variables: new Dictionary<string, object?>
        {
            ["ansible_ssh_pass"] = user.Password,
            ["ansible_become"] = false,
        })
        { NeedsContainerEngine = false };

        await using var connection = await env.Connector(options).ConnectAsync(target, Token);
        await connection.Files.WriteAsync(shared + "/by-password", "p\n"u8.ToArray(), HostFileMode.ConfigFile, Token);
        var refused = async () => await env.Connector(options).ConnectAsync(target with { Variables = new Dictionary<string, object?> { ["ansible_ssh_pass"] = "wrong", ["ansible_become"] = false } }, Token);

        (await TestShell.StatAsync("%U", shared + "/by-password")).Should().Be(user.Name);
        (await refused.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain("ansible_ssh_pass");
    }

    private async Task<IHostConnection> Connect(string user, Dictionary<string, object?> variables, string? readAhead = null)
    {
        var options = env.Options(env.WriteKnownHosts(env.Server.KnownHostsLine));
        options.AgentSocket = null;
        options.SshConfigFile = "none";
        return await env.Connector(options).ConnectAsync(env.Target(user: user, variables: variables) with { ReadAheadDirectory = readAhead }, Token);
    }
}
