using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Ssh;

namespace Kolla.Tests;

public sealed class SshHostSettingsTests
{
    private static SshExecutorOptions Options() => new() { PrivateKeyFile = "/keys/default" };

    [Fact]
    public void Resolve_NoVariables_UsesOptions()
    {
        var settings = SshHostSettings.Resolve(new HostTarget("node1", "10.0.0.1", 2222), Options());

        settings.Should().BeEquivalentTo(new { Name = "node1", Address = "10.0.0.1", Port = 2222, User = "root" });
        settings.KeyFiles.Should().Equal("/keys/default");
        settings.Become.Enabled.Should().BeFalse();
    }

    [Fact]
    public void Resolve_HostKeyFile_ReplacesOptionKeys()
    {
        var variables = new Dictionary<string, object?> { ["ansible_ssh_private_key_file"] = "/keys/node1" };
        var options = Options();
        options.PrivateKeyFiles.Add("/keys/more");

        var settings = SshHostSettings.Resolve(new HostTarget("node1", "n1", Variables: variables), options);

        settings.KeyFiles.Should().Equal("/keys/node1");
    }

    [Fact]
    public void Resolve_OptionKeys_SingleFirstThenList()
    {
        var options = Options();
        options.PrivateKeyFiles.Add("/keys/more");

        SshHostSettings.Resolve(new HostTarget("node1", "n1"), options).KeyFiles.Should().Equal("/keys/default", "/keys/more");
    }

    [Fact]
    public void Resolve_HomeRelativeKey_IsExpanded()
    {
        var options = new SshExecutorOptions { PrivateKeyFile = "~/.ssh/deploy" };

        var key = SshHostSettings.Resolve(new HostTarget("node1", "n1"), options).KeyFiles.Single();

        key.Should().Be(Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh/deploy"));
    }

    [Fact]
    public void Resolve_NonRootUser_BecomesRootBySudo()
    {
        var settings = SshHostSettings.Resolve(new HostTarget("node1", "n1", User: "deploy"), Options());

        settings.User.Should().Be("deploy");
        settings.Become.Should().Be(new Become(true));
    }

    [Fact]
    public void Resolve_AnsibleBecomeFalse_TurnsSudoOff()
    {
        var variables = new Dictionary<string, object?> { ["ansible_become"] = "no" };

        var settings = SshHostSettings.Resolve(new HostTarget("node1", "n1", User: "deploy", Variables: variables), Options());

        settings.Become.Enabled.Should().BeFalse();
    }

    [Fact]
    public void Resolve_RootLogin_NeverNeedsSudo()
    {
        var variables = new Dictionary<string, object?> { ["ansible_become"] = true };

        SshHostSettings.Resolve(new HostTarget("node1", "n1", Variables: variables), Options()).Become.Enabled.Should().BeFalse();
    }

    [Fact]
    public void Resolve_BecomeUser_IsPassedOn()
    {
        var variables = new Dictionary<string, object?> { ["ansible_become"] = "True", ["ansible_become_user"] = "kolla" };

        SshHostSettings.Resolve(new HostTarget("node1", "n1", Variables: variables), Options()).Become.Should().Be(new Become(true, "kolla"));
    }

    [Fact]
    public void Resolve_UserFromVariables_WhenTargetHasNone()
    {
        var variables = new Dictionary<string, object?> { ["ansible_user"] = "ops" };

        SshHostSettings.Resolve(new HostTarget("node1", "n1", Variables: variables), Options()).User.Should().Be("ops");
    }

    [Fact]
    public void Resolve_OtherBecomeMethod_IsRefusedNamingHost()
    {
        var variables = new Dictionary<string, object?> { ["ansible_become_method"] = "su" };

        var act = () => SshHostSettings.Resolve(new HostTarget("node1", "n1", Variables: variables), Options());

        act.Should().Throw<HostExecutionException>().Which.Message.Should().Contain("node1").And.Contain("su");
    }

    [Fact]
    public void Resolve_NonBooleanBecome_IsRefused()
    {
        var variables = new Dictionary<string, object?> { ["ansible_become"] = "perhaps" };

        var act = () => SshHostSettings.Resolve(new HostTarget("node1", "n1", Variables: variables), Options());

        act.Should().Throw<HostExecutionException>().Which.Message.Should().Contain("ansible_become");
    }
}
