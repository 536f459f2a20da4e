using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Ssh;

namespace Kolla.Tests;

public sealed class SshExecutorOptionsTests
{
    [Fact]
    public void Defaults_AreSafe()
    {
        var options = new SshExecutorOptions();

        options.User.Should().Be("root");
        options.KnownHostsFile.Should().Be("~/.ssh/known_hosts");
        options.AcceptUnknownHostKeys.Should().BeFalse();
        options.AddUnknownHostKeys.Should().BeFalse();
        options.Become.Should().BeNull();
        options.DockerHost.Should().BeNull();
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    [Theory]
    [InlineData("ConnectTimeout")]
    [InlineData("CommandTimeout")]
    [InlineData("DockerMaxConnections")]
    [InlineData("User")]
    [InlineData("AddUnknownHostKeys")]
    public void Validate_BadSetting_NamesIt(string setting)
    {
        var options = new SshExecutorOptions();
        switch (setting)
        {
            case "ConnectTimeout": options.ConnectTimeout = TimeSpan.Zero; break;
            case "CommandTimeout": options.CommandTimeout = TimeSpan.FromSeconds(-1); break;
            case "DockerMaxConnections": options.DockerMaxConnections = 0; break;
            case "User": options.User = " "; break;
            case "AddUnknownHostKeys": options.AddUnknownHostKeys = true; break;
        }

        var act = () => options.Validate();

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain(setting);
    }

    [Fact]
    public void Connector_RejectsInvalidOptions()
    {
        var act = () => new SshHostConnector(new SshExecutorOptions { DockerMaxConnections = 100 }, (_, _) => null!);
        var create = () => SshHostConnector.Create(new SshExecutorOptions { DockerMaxConnections = 100 });

        act.Should().Throw<ArgumentException>();
        create.Should().Throw<ArgumentException>().Which.Message.Should().Contain(nameof(SshExecutorOptions.DockerMaxConnections));
    }

    [Fact]
    public void PublicEntryPoints_RejectNull()
    {
        var connector = new SshHostConnector(new SshExecutorOptions(), (_, _) => null!);

        FluentActions.Invoking(() => new SshHostConnector(null!, (_, _) => null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new SshHostConnector(new SshExecutorOptions(), null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => SshHostConnector.Create(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Awaiting(async () => await connector.ConnectAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        FluentActions.Invoking(() => SshDockerClientFactory.Create(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => KnownHosts.Parse(null!, "x")).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => KnownHosts.FormatLine("h", 22, null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task Connect_NoKeyAnywhere_FailsNamingHost()
    {
        var options = new SshExecutorOptions { PrivateKeyFiles = { } };
        var target = new HostTarget("node9", "127.0.0.1", 1, Variables: new Dictionary<string, object?>());
        var connector = new SshHostConnector(options, (_, _) => null!);
        if (new[] { "id_ed25519", "id_ecdsa", "id_rsa" }.Any(f => File.Exists(Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", f))))
        {
            Assert.Skip("this user has a default key in ~/.ssh");
        }

        var act = async () => await connector.ConnectAsync(target, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Contain("node9").And.Contain("private key");
    }

    [Fact]
    public async Task Connect_MissingKeyFile_FailsNamingFile()
    {
        var options = new SshExecutorOptions { PrivateKeyFile = "/nonexistent/kt-key" };
        var connector = new SshHostConnector(options, (_, _) => null!);

        var act = async () => await connector.ConnectAsync(new HostTarget("node9", "127.0.0.1", 1), TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<HostExecutionException>()).Which.Message.Should().Contain("/nonexistent/kt-key");
    }

    [Fact]
    public async Task Connect_PodmanWithInvalidDockerHost_FailsNamingTheVariable()
    {
        var connector = new SshHostConnector(new SshExecutorOptions { PrivateKeyFile = "/nonexistent/kt-key" }, (_, _) => null!);
        var target = new HostTarget("node9", "127.0.0.1", 1, Variables: new Dictionary<string, object?> { ["kolla_container_engine"] = "podman", ["kolla_docker_host"] = "podman.sock" });

        var act = async () => await connector.ConnectAsync(target, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<HostUnreachableException>()).Which.Message.Should().Be(
            "node9: kolla_docker_host 'podman.sock' is not an absolute URI such as unix:///run/podman/podman.sock");
    }
}
