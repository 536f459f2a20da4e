using Kolla.Changes;
using Kolla.Converge;
using Kolla.Ssh;
using Kolla.TestKit;
using Kolla.Tests.Rig;

namespace Kolla.Tests;

/// <summary>Three namespace hosts, each with its own sshd and Docker engine.</summary>
public sealed class ThreeDockerHosts() : NamespaceHostsFixture(3, withDocker: true);

/// <summary>The test catalogue converged over SSH on three hosts in parallel (one connection per host, Docker through it).</summary>
public sealed class SshConvergeTests(DockerEngineFixture engine, ThreeDockerHosts fixture) : IClassFixture<ThreeDockerHosts>, IAsyncLifetime
{
    private readonly List<TestDeployment> _deployments = [];
    private readonly CancellationTokenSource _budget = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    private CancellationToken Token => _budget.Token;

    private NamespaceHosts Hosts => fixture.Hosts;

    public ValueTask InitializeAsync()
    {
        _budget.CancelAfter(TimeSpan.FromMinutes(5));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        foreach (var deployment in _deployments)
        {
            foreach (var host in Hosts.Hosts)
            {
                await HostProbe.RemoveAsync(host.DockerHost!, deployment.Prefix, cleanup.Token);
            }

            deployment.Dispose();
        }

        _budget.Dispose();
    }

    [Fact]
    public async Task Converge_ThreeHostsInParallel_ThenRerunTouchesNothing()
    {
        var deployment = NewDeployment();

        var first = await ConvergeAsync(deployment);

        first.Succeeded.Should().BeTrue(ConvergeTestBase.Because(first));
        first.Hosts.Select(h => h.Host).Should().Equal("h1", "h2", "h3");
        ConvergeTestBase.Summary(first, deployment, "h1").Should().Contain("RunBootstrap bootstrap_ktdb");
        ConvergeTestBase.Summary(first, deployment, "h2").Should().NotContain("RunBootstrap bootstrap_ktdb", "the one-shot runs on the first host of the group only");
        var containers = new Dictionary<string, IReadOnlyDictionary<string, ContainerSnapshot>>();
        var files = new Dictionary<string, IReadOnlyDictionary<string, FileSnapshot>>();
        foreach (var host in Hosts.Hosts)
        {
            containers[host.Name] = await HostProbe.ContainersAsync(host.DockerHost!, deployment.Prefix, Token);
            containers[host.Name].Keys.Should().BeEquivalentTo(TestCatalogue.Containers, $"{host.Name} runs every container on its own engine");
            containers[host.Name].Values.Should().OnlyContain(c => c.Status == "running");
            containers[host.Name]["ktweb"].Health.Should().Be("healthy");
            files[host.Name] = await HostProbe.FilesAsync(deployment.NodeDirectory(host.Name), Token);
            (await File.ReadAllTextAsync(deployment.ConfigPath(host.Name, "ktweb", "index.html"), Token)).Should().Contain($"from {host.Name}");
        }

        var second = await ConvergeAsync(deployment);

        second.Succeeded.Should().BeTrue(ConvergeTestBase.Because(second));
        second.HasChanges.Should().BeFalse();
        second.Changes.Values.Should().OnlyContain(c => c.Count == 0);
        foreach (var host in Hosts.Hosts)
        {
            (await HostProbe.ContainersAsync(host.DockerHost!, deployment.Prefix, Token)).Should().BeEquivalentTo(containers[host.Name], $"nothing is restarted on {host.Name}");
            (await HostProbe.FilesAsync(deployment.NodeDirectory(host.Name), Token)).Should().BeEquivalentTo(files[host.Name], $"no file is rewritten on {host.Name}");
        }
    }

    [Fact]
    public async Task UnknownHostKey_IsRefusedByDefault()
    {
        var deployment = NewDeployment();
        var knownHosts = Path.Combine(deployment.Root, "empty_known_hosts");
        await File.WriteAllTextAsync(knownHosts, "", Token);

        var result = await ConvergeAsync(deployment, new SshExecutorOptions { PrivateKeyFile = Hosts.ClientKeyPath, KnownHostsFile = knownHosts });

        result.Succeeded.Should().BeFalse();
        foreach (var host in Hosts.Hosts)
        {
            result.Hosts.Single(h => h.Host == host.Name).Error.Should().StartWith($"{host.Name}: refusing to connect to {host.Address}:22: ");
            (await HostProbe.ContainersAsync(host.DockerHost!, deployment.Prefix, Token)).Should().BeEmpty();
        }

        File.Exists(deployment.ConfigPath("h1", "ktapi", "ktapi.conf")).Should().BeFalse();
        (await File.ReadAllTextAsync(knownHosts, Token)).Should().BeEmpty("nothing is added to known_hosts");

        var cli = await KollaCli.RunAsync(deployment.CliArguments("check", "--private-key", Hosts.ClientKeyPath, "--known-hosts", knownHosts), Token);
        cli.Code.Should().Be(1);
        cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3).And.OnlyContain(l => l.StartsWith("error: h", StringComparison.Ordinal) && l.Contains("refusing to connect", StringComparison.Ordinal));
        var accepted = await KollaCli.RunAsync(deployment.CliArguments("check", "--private-key", Hosts.ClientKeyPath, "--known-hosts", knownHosts, "--accept-unknown-host-keys"), Token);
        accepted.Code.Should().Be(2, "with unknown keys accepted explicitly the hosts are read, and nothing is deployed yet: " + accepted.Error);
    }

    [Fact]
    public async Task ConnectionCutMidRun_FailsThatHost_OthersFinish_AndARerunConverges()
    {
        var deployment = NewDeployment();
        var h2 = Hosts["h2"];
        var cut = 0;
        var progress = new InlineProgress(e =>
        {
            if (e is ChangeAppliedEvent { Host: "h2", Change: WriteFileChange } && Interlocked.Exchange(ref cut, 1) == 0)
            {
                Hosts.KillSessionsAsync(h2, Token).GetAwaiter().GetResult().Should().BeGreaterThan(0);
            }
        });

        var result = await ConvergeAsync(deployment, progress: progress, options: new ConvergeOptions { ContinueOnError = true, HealthTimeout = TimeSpan.FromSeconds(60) });

        cut.Should().Be(1);
        result.Hosts.Single(h => h.Host == "h2").Error.Should().StartWith("h2: the SSH connection was lost");
        result.Hosts.Where(h => h.Host != "h2").Should().OnlyContain(h => h.Error == null && h.Failed == 0);
        foreach (var host in Hosts.Hosts.Where(h => h.Name != "h2"))
        {
            (await HostProbe.ContainersAsync(host.DockerHost!, deployment.Prefix, Token)).Keys.Should().BeEquivalentTo(TestCatalogue.Containers, $"{host.Name} finishes");
        }

        var rerun = await ConvergeAsync(deployment);

        rerun.Succeeded.Should().BeTrue(ConvergeTestBase.Because(rerun));
        rerun.Changes["h1"].Should().BeEmpty();
        rerun.Changes["h3"].Should().BeEmpty();
        rerun.Changes["h2"].Should().NotBeEmpty();
        (await HostProbe.ContainersAsync(h2.DockerHost!, deployment.Prefix, Token)).Keys.Should().BeEquivalentTo(TestCatalogue.Containers);
        (await ConvergeAsync(deployment)).HasChanges.Should().BeFalse();
    }

    [Fact]
    public async Task Deploy_ThroughTheCli_EachHostsAddressComesFromItsOwnFacts_AndTheCacheKeepsThem()
    {
        var deployment = NewDeployment();
        deployment.SetGlobal("network_interface", "eth0");
        deployment.WriteOverride("ktapi.conf", "[DEFAULT]\nbind = {{ api_interface_address }}\npeers = {% for h in groups['kt'] %}{{ 'api' | kolla_address(h) }}{% if not loop.last %},{% endif %}{% endfor %}\n");
        var cache = Path.Combine(deployment.Root, "facts");
        var args = deployment.CliArguments("deploy", "--private-key", Hosts.ClientKeyPath, "--known-hosts", Hosts.KnownHostsPath, "--facts-cache", cache);

        var deploy = await KollaCli.RunAsync(args, Token);

        deploy.Code.Should().Be(0, deploy.Out + deploy.Error);
        var peers = string.Join(',', Hosts.Hosts.Select(h => h.Address));
        foreach (var host in Hosts.Hosts)
        {
            var conf = await File.ReadAllTextAsync(deployment.ConfigPath(host.Name, "ktapi", "ktapi.conf"), Token);
            conf.Should().Contain($"bind = {host.Address}\n", $"{host.Name}'s eth0 address, gathered over SSH; the inventory names no service address")
                .And.Contain($"peers = {peers}\n");
            (await File.ReadAllTextAsync(Path.Combine(cache, host.Name), Token)).Should().Contain("\"ansible_eth0\"").And.Contain(host.Address);
        }

        var rerun = await KollaCli.RunAsync(args, Token);
        rerun.Code.Should().Be(0, rerun.Out + rerun.Error);
        rerun.Out.Should().NotContainAny("changed=1", "changed=2", "changed=3");
    }

    private TestDeployment NewDeployment()
    {
        var deployment = TestDeployment.Create(engine.RunId, [.. Hosts.Hosts.Select(h => (h.Name, $"ansible_host={h.Address} ansible_user=root"))]);
        _deployments.Add(deployment);
        return deployment;
    }

    private async Task<DeployResult> ConvergeAsync(TestDeployment deployment, SshExecutorOptions? ssh = null, IProgress<DeployEvent>? progress = null, ConvergeOptions? options = null)
    {
        var plan = await deployment.PlanAsync(Token);
        var connector = SshHostConnector.Create(ssh ?? new SshExecutorOptions { PrivateKeyFile = Hosts.ClientKeyPath, KnownHostsFile = Hosts.KnownHostsPath });
        return await new Converger(connector, options ?? new ConvergeOptions { HealthTimeout = TimeSpan.FromSeconds(60) }).ApplyAsync(plan, progress, Token);
    }
}
