using Kolla.Ssh;

namespace Kolla.Tests;

public sealed class ShellCommandTests
{
    [Theory]
    [InlineData("/etc/kolla/nova.conf", "/etc/kolla/nova.conf")]
    [InlineData("a b", "'a b'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    [InlineData("$(reboot)", "'$(reboot)'")]
    [InlineData("root:kolla", "root:kolla")]
    public void Quote_ProducesOneShellWord(string word, string expected)
    {
        ShellQuote.Quote(word).Should().Be(expected);
    }

    [Fact]
    public void Become_Disabled_LeavesScriptAlone()
    {
        Become.None.Wrap("ls /").Should().Be("ls /");
    }

    [Fact]
    public void Become_Enabled_RunsScriptThroughSudoShell()
    {
        new Become(true).Wrap("ls '/a b'").Should().Be("sudo -n sh -c 'ls '\\''/a b'\\'''");
    }

    [Fact]
    public void Become_OtherUser_PassesDashU()
    {
        new Become(true, "kolla").Wrap("id").Should().Be("sudo -n -u kolla sh -c id");
    }

    [Fact]
    public void DialCommand_Default_UsesTargetsOwnDockerHost()
    {
        SshDockerHandlerFactory.BuildDialCommand(new SshDockerTransportOptions())
            .Should().Be("exec docker system dial-stdio");
    }

    [Fact]
    public void DialCommand_WithDockerHost_SetsIt()
    {
        SshDockerHandlerFactory.BuildDialCommand(new SshDockerTransportOptions { DockerHost = "unix:///run/my docker.sock" })
            .Should().Be("exec env DOCKER_HOST='unix:///run/my docker.sock' docker system dial-stdio");
    }

    [Fact]
    public void DialCommand_WithSudo_KeepsLoginUsersDockerHost()
    {
        SshDockerHandlerFactory.BuildDialCommand(new SshDockerTransportOptions { UseSudo = true })
            .Should().Be("exec sudo -n env ${DOCKER_HOST:+DOCKER_HOST=\"$DOCKER_HOST\"} docker system dial-stdio");
    }

    [Fact]
    public void DialCommand_WithSudoAndDockerHost_PassesGivenHost()
    {
        SshDockerHandlerFactory.BuildDialCommand(new SshDockerTransportOptions { UseSudo = true, DockerHost = "tcp://127.0.0.1:2375" })
            .Should().Be("exec sudo -n env DOCKER_HOST=tcp://127.0.0.1:2375 docker system dial-stdio");
    }

    [Fact]
    public void DialCommand_Podman_UsesPodmansDialStdio()
    {
        SshDockerHandlerFactory.BuildDialCommand(new SshDockerTransportOptions { Podman = true })
            .Should().Be("exec podman system dial-stdio");
    }

    [Fact]
    public void DialCommand_PodmanWithSocket_SetsContainerHost()
    {
        SshDockerHandlerFactory.BuildDialCommand(new SshDockerTransportOptions { Podman = true, DockerHost = "unix:///run/my podman.sock" })
            .Should().Be("exec env CONTAINER_HOST='unix:///run/my podman.sock' podman system dial-stdio");
    }

    [Fact]
    public void DialCommand_PodmanWithSudo_KeepsLoginUsersContainerHost()
    {
        SshDockerHandlerFactory.BuildDialCommand(new SshDockerTransportOptions { Podman = true, UseSudo = true })
            .Should().Be("exec sudo -n env ${CONTAINER_HOST:+CONTAINER_HOST=\"$CONTAINER_HOST\"} podman system dial-stdio");
    }
}
