using Kolla.Converge;
using Kolla.Deployment;
using Kolla.Docker;
using Kolla.Globals;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;
using Kolla.Ssh;
using Kolla.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kolla.Tests.Embedding;

/// <summary>The library through dependency injection: AddKolla with the executors of Kolla.Docker and Kolla.Ssh.</summary>
public sealed class AddKollaTests
{
    [Fact]
    public void AddKolla_WithBothExecutors_RoutesLocalHostsToDockerAndTheRestOverSsh()
    {
        var services = new ServiceCollection();
        services.AddKolla().AddDockerExecutor().AddSshExecutor(o => o.KnownHostsFile = "/dev/null");
        using var provider = services.BuildServiceProvider();

        var router = provider.GetRequiredService<IHostConnector>().Should().BeOfType<RoutingHostConnector>().Subject;

        router.Routes.Select(r => r.Name).Should().Equal("docker", "ssh");
        router.Routes[0].Connector.Should().BeOfType<DockerHostConnector>();
        router.Routes[1].Connector.Should().BeOfType<SshHostConnector>();
        router.Routes.First(r => r.Matches(new HostTarget("n", "n", Connection: "local"))).Name.Should().Be("docker");
        router.Routes.First(r => r.Matches(new HostTarget("n", "10.0.0.1"))).Name.Should().Be("ssh");
        provider.GetRequiredService<IKollaDeployer>().Should().NotBeNull();
    }

    [Fact]
    public async Task AddKolla_InvalidOptions_FailValidationOnFirstUse_ListingEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddKolla(o =>
        {
            o.ConfigDirectory = "relative";
            o.PasswordsFile = "";
        }).AddDryRunExecutor();
        using var provider = services.BuildServiceProvider();
        var deployer = provider.GetRequiredService<IKollaDeployer>();

        var act = () => deployer.LoadInputsAsync(["inventory"], TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().HaveCount(2)
            .And.Contain(f => f.StartsWith("--configdir (ConfigDirectory) must be an absolute path", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("PasswordsFile", StringComparison.Ordinal));
        provider.Invoking(p => p.ValidateKollaOptions()).Should().Throw<OptionsValidationException>();
    }

    [Fact]
    public void AddKolla_ValidateOnStart_IsRegisteredForEveryOptionsClass()
    {
        var services = new ServiceCollection();
        services.AddKolla(o => o.ConfigDirectory = "/srv/kolla").AddDockerExecutor(o => o.MaxRetries = -1).AddSshExecutor(o => o.DockerMaxConnections = 0);
        using var provider = services.BuildServiceProvider();

        var docker = () => provider.GetRequiredService<IOptions<DockerRuntimeOptions>>().Value;
        var ssh = () => provider.GetRequiredService<IOptions<SshExecutorOptions>>().Value;

        docker.Should().Throw<OptionsValidationException>().WithMessage("*MaxRetries*");
        ssh.Should().Throw<OptionsValidationException>().WithMessage("*DockerMaxConnections must be between 1 and 64*");
        provider.ValidateKollaOptions().ConfigDirectory.Should().Be("/srv/kolla");
        services.Should().Contain(d => d.ServiceType.Name == "IStartupValidator");
    }

    [Fact]
    public async Task Deployer_WithoutAnExecutor_NamesWhatToAdd()
    {
        var services = new ServiceCollection();
        services.AddKolla();
        await using var provider = services.BuildServiceProvider();
        var deployer = provider.GetRequiredService<IKollaDeployer>();

        var sets = await deployer.GetChangesAsync(deployer.Plan(Inputs()), cancellationToken: TestContext.Current.CancellationToken);

        sets.Single().Error.Should().Be("node1: no executor serves ansible_connection=local (none is registered); add AddDockerExecutor() for local hosts, AddSshExecutor() for remote ones, or AddDryRunExecutor()");
    }

    [Fact]
    public async Task Deployer_DryRun_PlansShowsChangesAndApplies()
    {
        var services = new ServiceCollection();
        services.AddKolla().AddDryRunExecutor().WithConvergeOptions(new ConvergeOptions { Forks = 2 });
        await using var provider = services.BuildServiceProvider();
        var deployer = provider.GetRequiredService<IKollaDeployer>();

        var plan = deployer.Plan(Inputs());
        var changes = await deployer.GetChangesAsync(plan, cancellationToken: TestContext.Current.CancellationToken);
        var result = await deployer.DeployAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        changes.Single().Changes.Select(c => c.Describe()).Should().Contain("create container hello");
        result.Succeeded.Should().BeTrue();
        result.Hosts.Single().Changed.Should().Be(changes.Single().Changes.Count);
        provider.GetRequiredService<ConvergeOptions>().Forks.Should().Be(2);
    }

    [Fact]
    public async Task Deployer_LoadInputs_ReadsTheConfigDirectoryOfTheOptions()
    {
        var directory = Directory.CreateTempSubdirectory("kolla-di-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "globals.yml"), "kolla_internal_vip_address: \"10.1.1.1\"\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "passwords.yml"), "keystone_admin_password: x\n", TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, "inventory"), "[control]\nnode1\n", TestContext.Current.CancellationToken);
            TestFacts.WriteCache(Path.Combine(directory, "facts"), [TestFacts.For("node1", "10.1.1.11", hostname: "node-one")]);
            var services = new ServiceCollection();
            services.AddKolla(o =>
            {
                o.ConfigDirectory = directory;
                o.FactsCacheDirectory = Path.Combine(directory, "facts");
            });
            await using var provider = services.BuildServiceProvider();

            var inputs = await provider.GetRequiredService<IKollaDeployer>().LoadInputsAsync([Path.Combine(directory, "inventory")], TestContext.Current.CancellationToken);

            inputs.Globals["kolla_internal_vip_address"].Should().Be("10.1.1.1");
            inputs.Passwords["keystone_admin_password"].Should().Be("x");
            inputs.Inventory.Hosts.Single().Name.Should().Be("node1");
            inputs.Facts["node1"].Hostname.Should().Be("node-one", "the facts come from the cache of the options");

            var uncached = new ServiceCollection();
            uncached.AddKolla(o => o.ConfigDirectory = directory);
            await using var bare = uncached.BuildServiceProvider();
            var load = () => bare.GetRequiredService<IKollaDeployer>().LoadInputsAsync([Path.Combine(directory, "inventory")], TestContext.Current.CancellationToken);
            (await load.Should().ThrowAsync<KollaException>()).Which.Message.Should().Contain("node1");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static DeploymentInputs Inputs() => new()
    {
        Inventory = InventoryLoader.Parse("[hello]\nnode1 ansible_connection=local api_interface_address=127.0.0.1\n"),
        Catalogue = ServiceCatalogue.Create(
            [new ServiceDefinition
            {
                Name = "hello",
                Source = "test",
                Containers =
                [
                    new ContainerDefinition
                    {
                        Key = "hello",
                        ContainerName = "hello",
                        Group = "hello",
                        Image = "example/hello:1",
                        ConfigJson = new Dictionary<string, object?> { ["command"] = "sleep infinity", ["config_files"] = new List<object?>() },
                    },
                ],
            }],
            KollaGlobals.Defaults),
        Globals = new Dictionary<string, object?> { ["kolla_internal_vip_address"] = "10.0.0.250" },
    };
}
