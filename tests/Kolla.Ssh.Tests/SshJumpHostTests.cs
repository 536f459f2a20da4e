using System.Net.Sockets;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Ssh;

namespace Kolla.Tests;

/// <summary>ProxyJump through a real bastion sshd to a target sshd that only the bastion can reach (network namespaces).</summary>
[Trait("Category", "Integration")]
public sealed class SshJumpHostTests(JumpHostsFixture rig) : IClassFixture<JumpHostsFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectAsync_TargetOnlyReachableFromBastion_IsUnreachableDirectly()
    {
        rig.RequireAvailable();

        var direct = async () => await Connector().ConnectAsync(Target(), Token);

        (await direct.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain(rig.TargetAddress);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var tcp = async () => await socket.ConnectAsync(rig.TargetAddress, 22, Token);
        await tcp.Should().ThrowAsync<SocketException>("the target's network is reachable from the bastion only");
    }

    [Fact]
    public async Task ConnectAsync_SshConfigProxyJump_ReachesTargetThroughBastion()
    {
        rig.RequireAvailable();
        var config = Path.Combine(rig.Directory, "config-" + Guid.NewGuid().ToString("N")[..6]);
        await File.WriteAllTextAsync(config, $"""
            Host bastion
                HostName {rig.BastionAddress}
                User root
            Host {rig.TargetAddress}
                ProxyJump bastion
            """, Token);

        await using var connection = await Connector(o => o.SshConfigFile = config).ConnectAsync(Target(), Token);

        await AssertOnTargetAsync(connection);
    }

    [Fact]
    public async Task ConnectAsync_CommonArgsProxyCommandSshW_ReachesTargetThroughBastion()
    {
        rig.RequireAvailable();
        var variables = new Dictionary<string, object?>
        {
            ["ansible_ssh_common_args"] = $"-o ControlMaster=auto -o ProxyCommand=\"ssh -W %h:%p -q root@{rig.BastionAddress}\"",
        };

        await using var connection = await Connector().ConnectAsync(Target(variables), Token);

        await AssertOnTargetAsync(connection);
    }

    [Fact]
    public async Task ConnectAsync_CommonArgsProxyJump_ReachesTargetThroughBastion()
    {
        rig.RequireAvailable();
        var variables = new Dictionary<string, object?> { ["ansible_ssh_common_args"] = $"-o ProxyJump=root@{rig.BastionAddress}:22" };

        await using var connection = await Connector().ConnectAsync(Target(variables), Token);

        await AssertOnTargetAsync(connection);
    }

    private async Task AssertOnTargetAsync(IHostConnection connection)
    {
        // The SFTP connection goes through the bastion too; the command proves which network namespace answered.
        var path = Path.Combine(rig.Directory, "written-" + Guid.NewGuid().ToString("N")[..6]);
        await connection.Files.WriteAsync(path, "through the bastion\n"u8.ToArray(), HostFileMode.ConfigFile, Token);
        var session = ((SshHostConnection)connection).Session;
        var addresses = await session.RunAsync("ip -o -4 addr show", Token);

        File.ReadAllText(path).Should().Be("through the bastion\n");
        addresses.OutputText.Should().Contain($"inet {rig.TargetAddress}/30").And.NotContain($"inet {rig.BastionAddress}/");
    }

    private HostTarget Target(IReadOnlyDictionary<string, object?>? variables = null) =>
        new("node-t", rig.TargetAddress, 22, Variables: variables) { NeedsContainerEngine = false };

    private SshHostConnector Connector(Action<SshExecutorOptions>? configure = null)
    {
        var options = new SshExecutorOptions
        {
            PrivateKeyFile = rig.ClientKeyPath,
            KnownHostsFile = rig.KnownHostsPath,
            SshConfigFile = "none",
            AgentSocket = null,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return SshHostConnector.Create(options);
    }
}
