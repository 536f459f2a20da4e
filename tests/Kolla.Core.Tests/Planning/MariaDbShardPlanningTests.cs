using System.Text;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Operations;
using Kolla.Planning;

namespace Kolla.Tests.Planning;

/// <summary>
/// MariaDB shards (<c>mariadb_shard_id</c> per host): each shard is a Galera cluster of its own, as kolla-ansible's
/// <c>mariadb_shard_group</c> makes them. Rendered from the built-in catalogue for the multinode sample with control03 in
/// shard 1 (the same inputs, compared with the real kolla-ansible genconfig, gave identical galera.cnf cluster addresses
/// and proxysql.yaml).
/// </summary>
public sealed class MariaDbShardPlanningTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<DeploymentPlan> PlanAsync(string? control03Vars, bool proxysql = false)
    {
        var inputs = await Samples.LoadAsync(Samples.Multinode, Token);
        var text = await File.ReadAllTextAsync(Path.Combine(Samples.Directory(Samples.Multinode), "inventory"), Token);
        if (control03Vars is not null)
        {
            text = text.Replace("control03 ansible_host=10.0.0.13", "control03 ansible_host=10.0.0.13 " + control03Vars, StringComparison.Ordinal);
        }

        inputs = inputs with { Inventory = InventoryLoader.Parse(text) };
        if (proxysql)
        {
            inputs = inputs with { ExtraVars = new Dictionary<string, object?> { ["enable_proxysql"] = "yes" } };
        }

        return DeploymentPlanner.Plan(inputs);
    }

    private static ContainerPlan Mariadb(DeploymentPlan plan, string host) =>
        plan.Hosts.Single(h => h.Host == host).Containers.Single(c => c.Key == "mariadb");

    private static string Content(ContainerPlan container, string name) =>
        Encoding.UTF8.GetString(container.Files.Single(f => f.Path.EndsWith("/" + name, StringComparison.Ordinal)).Content.Span);

    private static string Line(string text, string key) => text.Split('\n').Single(l => l.StartsWith(key + " = ", StringComparison.Ordinal));

    [Fact]
    public async Task TwoShards_EachHostsGaleraConfigNamesOnlyItsShardsMembers()
    {
        var plan = await PlanAsync("mariadb_shard_id=1");

        Line(Content(Mariadb(plan, "control01"), "galera.cnf"), "wsrep_cluster_address").Should().Be("wsrep_cluster_address = gcomm://10.0.0.11:4567,10.0.0.12:4567");
        Line(Content(Mariadb(plan, "control02"), "galera.cnf"), "wsrep_cluster_address").Should().Be("wsrep_cluster_address = gcomm://10.0.0.11:4567,10.0.0.12:4567");
        Line(Content(Mariadb(plan, "control03"), "galera.cnf"), "wsrep_cluster_address").Should().Be("wsrep_cluster_address = gcomm://", "a shard of one host names no peer");
    }

    [Fact]
    public async Task OneShard_AllThreeMembers_AsBefore()
    {
        var plan = await PlanAsync(null);

        foreach (var host in new[] { "control01", "control02", "control03" })
        {
            Line(Content(Mariadb(plan, host), "galera.cnf"), "wsrep_cluster_address").Should().Be("wsrep_cluster_address = gcomm://10.0.0.11:4567,10.0.0.12:4567,10.0.0.13:4567");
            Mariadb(plan, host).GaleraClusterName.Should().Be("mariadb_shard_0");
        }
    }

    [Fact]
    public async Task TwoShards_EachShardsFirstHostRunsTheBootstrap_AndTheNodesKnowTheirCluster()
    {
        var plan = await PlanAsync("mariadb_shard_id=1");

        Mariadb(plan, "control01").Bootstraps.Select(b => b.Spec.Name).Should().Equal("bootstrap_mariadb");
        Mariadb(plan, "control02").Bootstraps.Should().BeEmpty();
        Mariadb(plan, "control03").Bootstraps.Select(b => b.Spec.Name).Should().Equal(["bootstrap_mariadb"], "control03 is the first (and only) host of shard 1");
        Mariadb(plan, "control01").GaleraClusterName.Should().Be("mariadb_shard_0");
        Mariadb(plan, "control02").GaleraClusterName.Should().Be("mariadb_shard_0");
        Mariadb(plan, "control03").GaleraClusterName.Should().Be("mariadb_shard_1");
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("mariadb_shard_id=1", true)]
    public async Task ProxySql_RetriesAndShunsLessEagerly_WhenAnyShardHasOneHost(string? control03Vars, bool singleNode)
    {
        var plan = await PlanAsync(control03Vars, proxysql: true);

        var proxysql = plan.Hosts.SelectMany(h => h.Containers).First(c => c.Key == "proxysql");
        var yaml = Content(proxysql, "proxysql.yaml");
        yaml.Contains("connect_retries_on_failure: 20", StringComparison.Ordinal).Should().Be(singleNode);
        yaml.Contains("shun_on_failures: 10", StringComparison.Ordinal).Should().Be(singleNode);
    }

    [Fact]
    public async Task Recovery_OfTwoShardsAtOnce_IsRefusedBeforeAnyHostIsContacted_NamingEachClustersHosts()
    {
        var plan = await PlanAsync("mariadb_shard_id=1");
        var recovery = new MariaDbRecovery(new RefusingConnector());

        var act = () => recovery.RunAsync(plan, cancellationToken: Token);

        (await act.Should().ThrowAsync<MariaDbRecoveryException>()).Which.Message.Should().Be(
            "the MariaDB hosts form 2 clusters (mariadb_shard_0: control01, control02; mariadb_shard_1: control03); recover one at a time with --limit naming its hosts");
    }

    private sealed class RefusingConnector : IHostConnector
    {
        public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException($"{target.Name} must not be contacted");
    }
}
