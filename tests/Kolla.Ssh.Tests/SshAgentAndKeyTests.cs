using System.Diagnostics;
using Kolla.Hosts;
using Kolla.Ssh;
using Kolla.TestKit;

namespace Kolla.Tests;

/// <summary>Keys as operators hold them: in a real ssh-agent, encrypted with a passphrase, named by an ssh config file.</summary>
[Collection("ssh")]
[Trait("Category", "Integration")]
public sealed class SshAgentAndKeyTests(SshHostEnvironment env)
{
    private const string Passphrase = "correct horse battery";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectAsync_KeyOnlyInSshAgent_LogsInWithAgentKey()
    {
        env.RequireAvailable();
        await using var agent = await Agent.StartAsync(env.NewDirectory("agent"));
        await agent.AddAsync(CopyKey("plain"));

        await using var connection = await Connector(o => o.AgentSocket = agent.Socket).ConnectAsync(env.Target(), Token);
        var withoutAgent = async () => await Connector().ConnectAsync(env.Target(), Token);

        (await connection.Files.ReadAsync("/etc/hostname", Token)).Should().NotBeNull();
        await withoutAgent.Should().ThrowAsync<HostUnreachableException>("no key file is given: only the agent holds the key");
    }

    [Fact]
    public async Task ConnectAsync_EncryptedKeyWithPassphrase_AsksOnceAndLogsIn()
    {
        env.RequireAvailable();
        var key = await EncryptedKeyAsync();
        var asked = new List<string>();
        var connector = Connector(o =>
        {
            o.PrivateKeyFile = key;
            o.KeyPassphrase = (file, _) =>
            {
                lock (asked)
                {
                    asked.Add(file);
                }

                return ValueTask.FromResult<string?>(Passphrase);
            };
        });

        await using var first = await connector.ConnectAsync(env.Target(), Token);
        await using var second = await connector.ConnectAsync(env.Target(), Token);

        asked.Should().Equal(key);
        (await second.Files.ReadAsync("/etc/hostname", Token)).Should().NotBeNull();
    }

    [Fact]
    public async Task ConnectAsync_EncryptedKeyWrongOrNoPassphrase_FailsNamingWhatToSet()
    {
        env.RequireAvailable();
        var key = await EncryptedKeyAsync();

        var wrong = async () => await Connector(o =>
        {
            o.PrivateKeyFile = key;
            o.KeyPassphrase = (_, _) => ValueTask.FromResult<string?>("not it");
        }).ConnectAsync(env.Target(), Token);
        var none = async () => await Connector(o => o.PrivateKeyFile = key).ConnectAsync(env.Target(), Token);

        (await wrong.Should().ThrowAsync<HostExecutionException>()).Which.Message.Should().Contain(key).And.Contain("wrong passphrase");
        (await none.Should().ThrowAsync<HostExecutionException>()).Which.Message.Should().Contain(key).And.Contain("KOLLA_SSH_KEY_PASSPHRASE");
    }

    [Fact]
    public async Task ConnectAsync_EncryptedKeyHeldByAgent_NeedsNoPassphrase()
    {
        env.RequireAvailable();
        var key = await EncryptedKeyAsync();
        await using var agent = await Agent.StartAsync(env.NewDirectory("agent"));
        await agent.AddAsync(CopyKey("plain"));

        await using var connection = await Connector(o =>
        {
            o.PrivateKeyFile = key;
            o.AgentSocket = agent.Socket;
        }).ConnectAsync(env.Target(), Token);

        (await connection.Files.ReadAsync("/etc/hostname", Token)).Should().NotBeNull();
    }

    [Fact]
    public async Task ConnectAsync_SshConfigHostAlias_UsesHostNamePortUserAndIdentityFile()
    {
        env.RequireAvailable();
        var config = Path.Combine(env.NewDirectory("config"), "config");
        await File.WriteAllTextAsync(config, $"""
            # an operator's ~/.ssh/config
            Host other
                User nobody
            Host kolla-node-*
                HostName {env.Server.Host}
                Port {env.Server.Port}
                User root
                IdentityFile {CopyKey("config")}
            Host *
                User not-this-one
            """, Token);
        var root = env.NewDirectory("config-files");

        await using var connection = await Connector(o =>
        {
            o.SshConfigFile = config;
            o.User = "not-the-default";
        }).ConnectAsync(new("node-a", "kolla-node-1"), Token);
        await connection.Files.WriteAsync(root + "/a.conf", "x\n"u8.ToArray(), HostFileMode.ConfigFile, Token);

        (await TestShell.StatAsync("%U", root + "/a.conf")).Should().Be("root");
    }

    [Fact]
    public async Task ConnectAsync_InventoryVariables_WinOverSshConfig()
    {
        env.RequireAvailable();
        var config = Path.Combine(env.NewDirectory("config"), "config");
        await File.WriteAllTextAsync(config, $"""
            Host {env.Server.Host}
                User nobody
                Port 1
                IdentityFile /nonexistent/key
            """, Token);
        var variables = new Dictionary<string, object?>
        {
            ["ansible_user"] = "root",
            ["ansible_port"] = env.Server.Port,
            ["ansible_ssh_private_key_file"] = CopyKey("inventory"),
        };

        await using var connection = await Connector(o => o.SshConfigFile = config)
            .ConnectAsync(new("node-a", env.Server.Host, env.Server.Port, "root", Variables: variables), Token);

        (await connection.Files.ReadAsync("/etc/hostname", Token)).Should().NotBeNull();
    }

    /// <summary>The connector with no key file, no agent and no ssh config: each test adds the one thing it tests.</summary>
    private SshHostConnector Connector(Action<SshExecutorOptions>? configure = null)
    {
        var options = env.Options(env.WriteKnownHosts(env.Server.KnownHostsLine));
        options.PrivateKeyFile = null;
        options.AgentSocket = null;
        options.SshConfigFile = "none";
        configure?.Invoke(options);
        return env.Connector(options);
    }

    /// <summary>A copy of the key the sshd accepts, mode 600 (ssh-add and ssh-keygen refuse readable keys), with its .pub.</summary>
    private string CopyKey(string name)
    {
        var path = Path.Combine(env.NewDirectory("key"), name);
        File.Copy(env.Server.ClientKeyPath, path);
        File.Copy(env.Server.ClientKeyPath + ".pub", path + ".pub");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    private async Task<string> EncryptedKeyAsync()
    {
        var key = CopyKey("encrypted");
        await TestShell.RunAsync("ssh-keygen", "-q", "-p", "-N", Passphrase, "-P", "", "-f", key);
        return key;
    }

    /// <summary>A real <c>ssh-agent -D</c> on a socket of its own; stopped (by its process) on dispose.</summary>
    private sealed class Agent : IAsyncDisposable
    {
        private readonly Process _process;

        private Agent(Process process, string socket)
        {
            _process = process;
            Socket = socket;
        }

        public string Socket { get; }

        public static async Task<Agent> StartAsync(string directory)
        {
            if (!File.Exists("/usr/bin/ssh-agent") || !File.Exists("/usr/bin/ssh-add"))
            {
                throw TestRig.Unavailable($"The ssh-agent tests need ssh-agent and ssh-add (package openssh-client); {TestRig.InstallHint}.");
            }

            var socket = Path.Combine(directory, "agent.sock");
            var info = new ProcessStartInfo("/usr/bin/ssh-agent") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("-D");
            info.ArgumentList.Add("-a");
            info.ArgumentList.Add(socket);
            var process = Process.Start(info)!;
            for (var i = 0; i < 200 && !File.Exists(socket); i++)
            {
                await Task.Delay(25);
            }

            return File.Exists(socket) ? new Agent(process, socket) : throw new InvalidOperationException("ssh-agent did not create its socket");
        }

        public async Task AddAsync(string key)
        {
            var info = new ProcessStartInfo("/usr/bin/ssh-add") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(key);
            info.Environment["SSH_AUTH_SOCK"] = Socket;
            using var process = Process.Start(info)!;
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, error);
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
