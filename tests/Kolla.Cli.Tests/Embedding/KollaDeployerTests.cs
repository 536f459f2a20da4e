using Kolla.Changes;
using Kolla.Converge;
using Kolla.Deployment;
using Kolla.Docker;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Operations;
using Kolla.Planning;
using Kolla.Prechecks;
using Kolla.Ssh;
using Kolla.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Kolla.Tests.Embedding;

/// <summary>Every verb of the CLI through the one facade, and the executor choices the CLI composes with.</summary>
public sealed class KollaDeployerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ServiceProvider DryRun(bool readLocalFiles = false)
    {
        var services = new ServiceCollection();
        services.AddKolla().AddDryRunExecutor(readLocalFiles);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Operations_DryRun_EachReportsItsOwnChanges()
    {
        await using var provider = DryRun();
        var kolla = provider.GetRequiredService<IKollaDeployer>();
        var plan = kolla.Plan(AddKollaTests.Inputs());

        var pulled = await kolla.PullAsync(plan, cancellationToken: Token);
        var configured = await kolla.GenerateConfigAsync(plan, new ConvergeOptions { ContainersOnly = true }, cancellationToken: Token);
        var deployed = await kolla.DeployAsync(plan, cancellationToken: Token);
        var upgraded = await kolla.UpgradeAsync(plan, new UpgradeOptions { PullImages = true }, cancellationToken: Token);
        var teardown = new TeardownOptions { Kind = TeardownKind.Destroy };
        var destroyChanges = await kolla.GetTeardownChangesAsync(plan, teardown, Token);
        var destroyed = await kolla.TeardownAsync(plan, teardown, cancellationToken: Token);

        pulled.Changes["node1"].Should().Equal(new PullImageChange("example/hello:1"));
        configured.Changes["node1"].Should().NotBeEmpty().And.OnlyContain(c => c is WriteFileChange, "genconfig writes files only, whatever the options say");
        deployed.Changes["node1"].Should().Contain(c => c is CreateContainerChange);
        upgraded.Changes["node1"].Should().StartWith(new PullImageChange("example/hello:1"));
        destroyChanges.Single().Changes.Should().BeEmpty("every dry-run connection starts from an empty host");
        new[] { pulled, configured, deployed, upgraded, destroyed }.Should().OnlyContain(r => r.Succeeded);
    }

    [Fact]
    public async Task WriteConfigTreeAsync_WritesEachHostsConfigDirectoriesHere()
    {
        await using var provider = DryRun();
        var kolla = provider.GetRequiredService<IKollaDeployer>();
        var directory = Directory.CreateTempSubdirectory("kolla-tree-").FullName;
        try
        {
            var count = await kolla.WriteConfigTreeAsync(kolla.Plan(AddKollaTests.Inputs()), directory, Token);

            count.Should().Be(1);
            File.Exists(Path.Combine(directory, "node1", "hello", "config.json")).Should().BeTrue();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task GatherFactsAsync_ReadsTheCacheOfTheOptions_OnlyForHostsWithoutFacts()
    {
        await using var provider = DryRun();
        var kolla = provider.GetRequiredService<IKollaDeployer>();
        var cache = Directory.CreateTempSubdirectory("kolla-facts-").FullName;
        try
        {
            TestFacts.WriteCache(cache, [TestFacts.For("node1", "10.1.1.11", hostname: "node-one")]);
            var inputs = AddKollaTests.Inputs() with
            {
                Inventory = InventoryLoader.Parse("[hello]\nnode1 ansible_connection=local\nnode2 ansible_connection=local\n"),
                Facts = new Dictionary<string, Kolla.Facts.HostFacts> { ["node2"] = TestFacts.For("node2", "10.1.1.12", hostname: "node-two") },
            };

            var gathered = await kolla.GatherFactsAsync(inputs, new GatherFactsOptions { CacheDirectory = cache }, Token);

            gathered.Facts["node1"].Hostname.Should().Be("node-one");
            gathered.Facts["node2"].Hostname.Should().Be("node-two", "facts the inputs hold are kept");
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public async Task RunPrechecksAsync_DryRun_SkipsTheEngineCheck_ItKnowsNoVersion()
    {
        await using var provider = DryRun();
        var kolla = provider.GetRequiredService<IKollaDeployer>();

        var report = await kolla.RunPrechecksAsync(AddKollaTests.Inputs(), cancellationToken: Token);

        report.Results.Should().Contain(r => r.Check == "docker" && r.Host == "node1" && r.Status == PrecheckStatus.Skipped);
    }

    [Fact]
    public async Task AddDryRunExecutor_ReadLocalFiles_GathersThisMachinesFactsForLocalHosts()
    {
        await using var provider = DryRun(readLocalFiles: true);
        var kolla = provider.GetRequiredService<IKollaDeployer>();

        var gathered = await kolla.GatherFactsAsync(AddKollaTests.Inputs(), new GatherFactsOptions(), Token);

        gathered.Facts["node1"].Hostname.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task EveryHost_DockerAndSsh_ServeHostsWhateverTheirConnection()
    {
        var docker = new ServiceCollection();
        docker.AddKolla().AddDockerExecutor(everyHost: true);
        var ssh = new ServiceCollection();
        ssh.AddKolla().AddSshExecutor(o => o.KnownHostsFile = "/dev/null", everyHost: true);
        await using var dockerProvider = docker.BuildServiceProvider();
        await using var sshProvider = ssh.BuildServiceProvider();

        var dockerRoute = ((RoutingHostConnector)dockerProvider.GetRequiredService<IHostConnector>()).Routes.Single();
        var sshRoute = ((RoutingHostConnector)sshProvider.GetRequiredService<IHostConnector>()).Routes.Single();

        dockerRoute.Matches(new HostTarget("n", "10.0.0.1")).Should().BeTrue();
        dockerRoute.Connector.Should().NotBeOfType<DockerHostConnector>("remote targets reach the local engine as local hosts");
        sshRoute.Matches(new HostTarget("n", "n", Connection: "local")).Should().BeTrue();
        sshRoute.Connector.Should().BeOfType<SshHostConnector>();
        dockerProvider.GetService<IListeningPorts>().Should().BeOfType<LocalListeningPorts>("the port prechecks of local hosts read this machine");
    }

    [Fact]
    public void SshExecutor_SyncDisposeOfTheProvider_ClosesTheConnector()
    {
        var services = new ServiceCollection();
        services.AddKolla().AddSshExecutor(o => o.KnownHostsFile = "/dev/null");
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IHostConnector>();

        var dispose = provider.Dispose;

        dispose.Should().NotThrow();
    }

    [Fact]
    public async Task PostDeployAsync_WritesIntoTheDirectoryOfTheOptions()
    {
        await using var provider = DryRun();
        var kolla = provider.GetRequiredService<IKollaDeployer>();
        var directory = Directory.CreateTempSubdirectory("kolla-post-").FullName;
        try
        {
            var inputs = AddKollaTests.Inputs() with
            {
                Globals = new Dictionary<string, object?>
                {
                    ["keystone_internal_url"] = "http://10.0.0.250:5000",
                    ["keystone_admin_user"] = "admin",
                    ["keystone_admin_project"] = "admin",
                },
                Passwords = new Dictionary<string, object?> { ["keystone_admin_password"] = "s3cret" },
            };

            var written = await kolla.PostDeployAsync(inputs, new PostDeployOptions { Directory = directory }, Token);

            written.Select(Path.GetFileName).Should().Equal(PostDeploy.OpenRcFileName, PostDeploy.CloudsYamlFileName);
            (await File.ReadAllTextAsync(written[0], Token)).Should().Contain("s3cret");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
