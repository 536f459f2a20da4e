using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Ssh;

namespace Kolla.Tests;

/// <summary>How the ssh config file, <c>ansible_ssh_common_args</c> and the inventory variables combine into a host's settings.</summary>
public sealed class SshOperatorSettingsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kt-sshcfg-" + Guid.NewGuid().ToString("N")[..8]);

    public SshOperatorSettingsTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static SshExecutorOptions Options() => new() { PrivateKeyFile = "/keys/default", AgentSocket = null };

    [Fact]
    public void Resolve_ConfigHostBlock_FirstValueWinsAndHostNameReplacesAddress()
    {
        var config = Config("""
            Host web* !web9
              HostName %h.example.net
              Port 2200
            Host *
              Port 2222
              User admin
            """);

        var settings = SshHostSettings.Resolve(new HostTarget("n1", "web1"), Options(), config);
        var negated = SshHostSettings.Resolve(new HostTarget("n9", "web9"), Options(), config);

        settings.Should().BeEquivalentTo(new { Address = "web1.example.net", Port = 2200, User = "admin" });
        negated.Should().BeEquivalentTo(new { Address = "web9", Port = 2222, User = "admin" });
    }

    [Fact]
    public void Resolve_InventoryVariables_WinOverCommonArgsAndConfig()
    {
        var config = Config("Host *\n  User config-user\n  Port 2222\n");
        var variables = new Dictionary<string, object?>
        {
            ["ansible_port"] = 2022,
            ["ansible_ssh_common_args"] = "-o User=args-user -o Port=2122",
        };

        var fromVariables = SshHostSettings.Resolve(new HostTarget("n1", "h1", 2022, "inventory-user", Variables: variables), Options(), config);
        var fromArgs = SshHostSettings.Resolve(new HostTarget("n1", "h1", Variables: new Dictionary<string, object?> { ["ansible_ssh_common_args"] = "-o User=args-user -o Port=2122" }), Options(), config);

        fromVariables.Should().BeEquivalentTo(new { User = "inventory-user", Port = 2022 });
        fromArgs.Should().BeEquivalentTo(new { User = "args-user", Port = 2122 });
    }

    [Fact]
    public void Resolve_IdentityFiles_ExplicitFirstThenExistingConfigFiles()
    {
        var key = Path.Combine(_directory, "id_h1");
        File.WriteAllText(key, "not read here");
        var config = Config($"Host h1\n  IdentityFile {_directory}/id_%h\n  IdentityFile {_directory}/missing\n");

        var settings = SshHostSettings.Resolve(new HostTarget("n1", "h1"), Options(), config);

        settings.KeyFiles.Should().Equal("/keys/default", key);
    }

    [Fact]
    public void Resolve_ProxyJumpChainFromConfig_ParsesEachHop()
    {
        var config = Config("Host 10.0.0.*\n  ProxyJump ops@bastion1:2201,ssh://bastion2\n");

        var jumps = SshHostSettings.Resolve(new HostTarget("n1", "10.0.0.5"), Options(), config).Jumps;

        jumps.Should().Equal(new SshJumpHost("bastion1", "ops", 2201), new SshJumpHost("bastion2"));
    }

    [Fact]
    public void Resolve_CommonArgsProxyCommandSshW_IsTheJumpAndWinsOverConfig()
    {
        var config = Config("Host *\n  ProxyJump config-bastion\n");
        var variables = new Dictionary<string, object?> { ["ansible_ssh_common_args"] = "-o ProxyCommand=\"ssh -W %h:%p -q -p 2201 -i ~/.ssh/bastion jump@bastion\"" };

        var jumps = SshHostSettings.Resolve(new HostTarget("n1", "h1", Variables: variables), Options(), config).Jumps;

        jumps.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Host = "bastion", User = "jump", Port = 2201, IdentityFile = "~/.ssh/bastion" });
    }

    [Theory]
    [InlineData("-o ProxyCommand='nc %h %p'", "ProxyCommand 'nc %h %p' is not supported")]
    [InlineData("-o ForwardX11=yes", "-o ForwardX11 is not supported")]
    [InlineData("-A", "ssh option -A is not supported")]
    [InlineData("-o StrictHostKeyChecking=maybe", "StrictHostKeyChecking 'maybe'")]
    public void Resolve_CommonArgsThatCannotBeHonoured_FailNamingTheVariable(string args, string expected)
    {
        var variables = new Dictionary<string, object?> { ["ansible_ssh_common_args"] = args };

        var resolve = () => SshHostSettings.Resolve(new HostTarget("n1", "h1", Variables: variables), Options());

        resolve.Should().Throw<HostExecutionException>().Which.Message.Should().StartWith("n1: ansible_ssh_common_args").And.Contain(expected);
    }

    [Theory]
    [InlineData("-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null", true, "/dev/null")]
    [InlineData("-o StrictHostKeyChecking=accept-new", true, "/kh")]
    [InlineData("-o StrictHostKeyChecking=yes", false, "/kh")]
    public void Resolve_CommonArgsHostKeyOptions_SetTheHostKeyPolicy(string args, bool accept, string knownHosts)
    {
        var options = Options();
        options.KnownHostsFile = "/kh";
        options.AcceptUnknownHostKeys = !accept;
        var variables = new Dictionary<string, object?> { ["ansible_ssh_common_args"] = args };

        var settings = SshHostSettings.Resolve(new HostTarget("n1", "h1", Variables: variables), options);

        settings.Should().BeEquivalentTo(new { AcceptUnknownHostKeys = accept, AddUnknownHostKeys = accept, KnownHostsFile = knownHosts });
    }

    [Fact]
    public void Resolve_Passwords_FromAnsibleVariablesAndNeverPrinted()
    {
        var variables = new Dictionary<string, object?> { ["ansible_ssh_pass"] = "login-secret", ["ansible_become_pass"] = "sudo-secret" };

        var settings = SshHostSettings.Resolve(new HostTarget("n1", "h1", User: "kolla", Variables: variables), Options());

        settings.Password.Should().Be("login-secret");
        settings.Become.Should().BeEquivalentTo(new { Enabled = true, Password = "sudo-secret", ReadsPassword = true });
        settings.ToString().Should().NotContain("secret");
    }

    [Fact]
    public void Resolve_IdentityAgentNone_DropsTheAgent()
    {
        var options = Options();
        options.AgentSocket = "/run/agent.sock";

        SshHostSettings.Resolve(new HostTarget("n1", "h1"), options).AgentSocket.Should().Be("/run/agent.sock");
        SshHostSettings.Resolve(new HostTarget("n1", "h1"), options, Config("IdentityAgent none\n")).AgentSocket.Should().BeNull();
    }

    [Fact]
    public void Load_MatchBlockAndInclude_MatchIgnoredWithWarningIncludeRead()
    {
        File.WriteAllText(Path.Combine(_directory, "extra.conf"), "Host h1\n  User included\n");
        var config = Config($"""
            Match exec "true"
              User from-match
            Host *
            Include {_directory}/*.conf
            """);

        var settings = SshHostSettings.Resolve(new HostTarget("n1", "h1"), Options(), config);

        settings.User.Should().Be("included");
        config.Warnings.Should().ContainSingle().Which.Should().Contain(":1: Match blocks are not supported");
    }

    [Fact]
    public void Load_RequiredFileMissing_Throws()
    {
        var load = () => SshConfigFile.Load(Path.Combine(_directory, "nope"), required: true);

        load.Should().Throw<FileNotFoundException>().Which.Message.Should().Contain("nope");
    }

    [Fact]
    public void Become_WithPassword_SudoReadsItFromInput()
    {
        var become = new Become(true, "kolla") { Password = "pw" };

        become.Wrap("id").Should().Be("sudo -k -S -p '' -u kolla sh -c id");
        become.PasswordLine.Should().Equal("pw\n"u8.ToArray());
    }

    [Fact]
    public void BuildDialCommand_SudoPassword_UsesSudoS()
    {
        SshDockerHandlerFactory.BuildDialCommand(new SshDockerTransportOptions { UseSudo = true, SudoPassword = "pw" })
            .Should().StartWith("exec sudo -k -S -p '' env ");
    }

    private SshConfigFile Config(string text)
    {
        var path = Path.Combine(_directory, "config-" + Guid.NewGuid().ToString("N")[..6]);
        File.WriteAllText(path, text);
        return SshConfigFile.Load(path, required: true);
    }
}
