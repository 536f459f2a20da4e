using Kolla.Changes;
using Kolla.Containers;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Execution;

/// <summary>
/// A deploy forming a new Galera cluster (kolla-ansible's mariadb <c>bootstrap_cluster</c>): the order of the starts across
/// hosts, and when it does not happen (the cluster exists, on one host or all, or there is one member).
/// </summary>
public sealed class ConvergerGaleraTests
{
    private static readonly string[] s_three = ["node1", "node2", "node3"];

    // mariadb's shape: serial restarts, the data volume at /var/lib/mysql, bootstrap_mariadb on the first host.
    private static DeploymentPlan Plan(params string[] hosts) => Limited(null, hosts);

    /// <summary>The same, planned with <c>--limit <paramref name="limit"/></c> (null for none).</summary>
    private static DeploymentPlan Limited(string? limit, params string[] hosts) => DeploymentPlanner.Plan(Inputs(hosts), new PlanOptions { Limit = limit });

    private static readonly string[] s_shards = ["node1 shard=0", "node2 shard=1", "node3 shard=0", "node4 shard=1", "node5 shard=1"];

    private static DeploymentPlan LimitedShards(string limit) => DeploymentPlanner.Plan(Inputs(s_shards, "db_{{ shard }}"), new PlanOptions { Limit = limit });

    // Lines may carry host variables ("node2 shard=1"); with a cluster name, hosts form one cluster per name.
    private static DeploymentPlan Plan(string[] hosts, string? galeraClusterName) => DeploymentPlanner.Plan(Inputs(hosts, galeraClusterName));

    private static DeploymentInputs Inputs(string[] hosts, string? galeraClusterName = null) => new()
    {
        Inventory = InventoryLoader.Parse("[db]\n" + string.Join("\n", hosts) + "\n"),
        Catalogue = ServiceCatalogue.Create(
            [new ServiceDefinition
            {
                Name = "mariadb",
                Source = "test",
                Restart = RestartStrategy.Serial,
                Templates = new Dictionary<string, string> { ["galera.cnf.j2"] = "[mysqld]\nwsrep_node_name = {{ inventory_hostname }}\n" },
                Containers = [new ContainerDefinition
                {
                    Key = "mariadb",
                    ContainerName = "mariadb",
                    Group = "db",
                    Image = "kolla/mariadb-server:1",
                    Volumes = ["{{ node_config_directory }}/mariadb/:/var/lib/kolla/config_files/:ro", "mariadb:/var/lib/mysql", "kolla_logs:/var/log/kolla/"],
                    Files = [new ServiceFileDefinition { Dest = "galera.cnf", Template = "galera.cnf.j2" }],
                    ConfigJson = new Dictionary<string, object?> { ["command"] = "/usr/bin/mysqld_safe" },
                    GaleraCluster = true,
                    GaleraClusterName = galeraClusterName,
                }],
                Bootstrap = [new BootstrapDefinition { Name = "bootstrap_mariadb", Container = "mariadb", Environment = [new("KOLLA_BOOTSTRAP", null)] }],
            }],
            ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
    };

    [Fact]
    public async Task NewClusterOfThree_StartsTheFirstAsANewCluster_ThenTheOthersOneByOne_ThenRestartsTheFirstNormally()
    {
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts);

        var result = await converger.ApplyAsync(Plan(s_three), cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue(result.Hosts.FirstOrDefault(h => h.Error is not null)?.Error);
        hosts.Log.Should().Equal(
            "node1: one-shot bootstrap_mariadb",
            "node1: create mariadb BOOTSTRAP_ARGS=--wsrep-new-cluster restart=no",
            "node1: start mariadb",
            "node1: status mariadb",
            "node2: create mariadb",
            "node2: start mariadb",
            "node2: status mariadb",
            "node3: create mariadb",
            "node3: start mariadb",
            "node3: status mariadb",
            "node1: shutdown mariadb",
            "node1: stop mariadb",
            "node1: remove mariadb",
            "node1: create mariadb",
            "node1: start mariadb",
            "node1: status mariadb");
        result.Changes["node1"].Select(c => c.GetType().Name).Should().Contain(nameof(BootstrapClusterChange)).And.EndWith(nameof(RejoinClusterChange))
            .And.NotContain(nameof(CreateContainerChange), "the bootstrap replaces the first node's creation");
        var node1 = await hosts["node1"].Containers.InspectAsync("mariadb", TestContext.Current.CancellationToken);
        node1!.Environment.Should().NotContain(e => e.StartsWith("BOOTSTRAP_ARGS", StringComparison.Ordinal), "the first node ends as an ordinary member");
    }

    [Fact]
    public async Task NewClusterOfThree_PlanShowsTheBootstrapAndTheRestart_AndARerunChangesNothing()
    {
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts);

        var planned = await converger.GetChangesAsync(Plan(s_three), TestContext.Current.CancellationToken);
        await converger.ApplyAsync(Plan(s_three), cancellationToken: TestContext.Current.CancellationToken);
        hosts.Log.Clear();
        var rerun = await converger.ApplyAsync(Plan(s_three), cancellationToken: TestContext.Current.CancellationToken);

        planned[0].Changes.Select(c => c.Describe()).Should().ContainInOrder(
            "run one-shot bootstrap_mariadb",
            "bootstrap galera cluster: create container mariadb with --wsrep-new-cluster, then node2, node3 join one at a time",
            "recreate container mariadb without --wsrep-new-cluster once node2, node3 joined (it rejoins the cluster as a member)");
        planned[0].Changes.Last().Should().BeOfType<RejoinClusterChange>();
        planned.Skip(1).Should().OnlyContain(s => s.Changes.OfType<CreateContainerChange>().Count() == 1 && !s.Changes.OfType<BootstrapClusterChange>().Any());
        rerun.HasChanges.Should().BeFalse("the cluster exists on every host: nothing is bootstrapped or restarted again");
        hosts.Log.Should().BeEmpty();
    }

    [Fact]
    public async Task OneHostHasTheVolume_TheOthersJustJoin()
    {
        var hosts = new GaleraHosts();
        await hosts["node2"].Containers.EnsureVolumeAsync("mariadb", TestContext.Current.CancellationToken);
        var converger = new Converger(hosts);

        var planned = await converger.GetChangesAsync(Plan(s_three), TestContext.Current.CancellationToken);
        var result = await converger.ApplyAsync(Plan(s_three), cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue();
        planned.SelectMany(s => s.Changes).Should().NotContain(c => c is BootstrapClusterChange || c is RejoinClusterChange);
        hosts.Log.Should().NotContain(l => l.Contains("--wsrep-new-cluster", StringComparison.Ordinal) || l.Contains("status", StringComparison.Ordinal));
        hosts.Log.Where(l => l.EndsWith("create mariadb", StringComparison.Ordinal)).Should().Equal("node1: create mariadb", "node2: create mariadb", "node3: create mariadb");
    }

    [Fact]
    public async Task SingleNode_IsCreatedAsBefore()
    {
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts);

        var planned = await converger.GetChangesAsync(Plan("node1"), TestContext.Current.CancellationToken);
        var result = await converger.ApplyAsync(Plan("node1"), cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue();
        planned.Single().Changes.OfType<CreateContainerChange>().Should().ContainSingle();
        planned.Single().Changes.Should().NotContain(c => c is BootstrapClusterChange || c is RejoinClusterChange);
        hosts.Log.Should().Equal("node1: one-shot bootstrap_mariadb", "node1: create mariadb", "node1: start mariadb");
    }

    [Fact]
    public async Task GenConfig_FormsNoCluster()
    {
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts, new ConvergeOptions { FilesOnly = true });

        var planned = await converger.GetChangesAsync(Plan(s_three), TestContext.Current.CancellationToken);
        var result = await converger.ApplyAsync(Plan(s_three), cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue();
        planned.SelectMany(s => s.Changes).Should().OnlyContain(c => c is WriteFileChange);
        hosts.Log.Should().BeEmpty();
    }

    [Fact]
    public async Task TwoClusters_EachIsBootstrappedFromItsOwnFirstHost_AndItsMembersJoinIt()
    {
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts);
        string[] inventory = ["node1 shard=0", "node2 shard=1", "node3 shard=0", "node4 shard=1"];
        var plan = Plan(inventory, "db_{{ shard }}");

        var planned = await converger.GetChangesAsync(plan, TestContext.Current.CancellationToken);
        var result = await converger.ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue(result.Hosts.FirstOrDefault(h => h.Error is not null)?.Error);
        string Describe(string host, Type change) => planned.Single(p => p.Host == host).Changes.Single(c => c.GetType() == change).Describe();
        Describe("node1", typeof(BootstrapClusterChange)).Should().Be("bootstrap galera cluster: create container mariadb with --wsrep-new-cluster, then node3 join one at a time");
        Describe("node2", typeof(BootstrapClusterChange)).Should().Be("bootstrap galera cluster: create container mariadb with --wsrep-new-cluster, then node4 join one at a time");
        planned.Where(p => p.Host is "node3" or "node4").Should().OnlyContain(p => p.Changes.OfType<CreateContainerChange>().Count() == 1 && !p.Changes.OfType<RunBootstrapChange>().Any());
        hosts.Log.Where(l => l.Contains("one-shot", StringComparison.Ordinal)).Should().BeEquivalentTo("node1: one-shot bootstrap_mariadb", "node2: one-shot bootstrap_mariadb");
        foreach (var (first, member) in new[] { ("node1", "node3"), ("node2", "node4") })
        {
            hosts.Log.IndexOf($"{first}: create mariadb BOOTSTRAP_ARGS=--wsrep-new-cluster restart=no").Should().BeLessThan(hosts.Log.IndexOf($"{member}: create mariadb"));
            hosts.Log.IndexOf($"{member}: status mariadb").Should().BeLessThan(hosts.Log.LastIndexOf($"{first}: create mariadb"), "the first node is recreated once its members joined");
        }
    }

    [Fact]
    public async Task AShardOfOne_IsCreatedPlainly_BesideANewClusterOfTwo()
    {
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts);
        var plan = Plan(["node1 shard=0", "node2 shard=0", "node3 shard=1"], "db_{{ shard }}");

        var result = await converger.ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue(result.Hosts.FirstOrDefault(h => h.Error is not null)?.Error);
        hosts.Log.Where(l => l.StartsWith("node3", StringComparison.Ordinal)).Should().Equal("node3: one-shot bootstrap_mariadb", "node3: create mariadb", "node3: start mariadb");
        hosts.Log.Should().Contain("node1: create mariadb BOOTSTRAP_ARGS=--wsrep-new-cluster restart=no");
    }

    [Fact]
    public async Task FirstNodeNeverSyncs_FailsNamingHostAndContainer_AndStartsNoOther()
    {
        var hosts = new GaleraHosts { State = host => host == "node1" ? "Joining" : "Synced" };
        var converger = new Converger(hosts, new ConvergeOptions { HealthTimeout = TimeSpan.Zero, ContinueOnError = true });

        var result = await converger.ApplyAsync(Plan(s_three), cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeFalse();
        result.Hosts.Single(h => h.Host == "node1").Error.Should().StartWith("node1: mariadb: did not sync with the Galera cluster within 0 s (Joining, cluster Primary, size 1)");
        result.Hosts.Where(h => h.Host != "node1").Should().OnlyContain(h => h.Error!.Contains("not started: the new Galera cluster it joins could not be bootstrapped on node1", StringComparison.Ordinal),
            "even with --continue-on-error, a member alone would wait for a cluster that is not there");
        hosts.Log.Should().NotContain(l => l.StartsWith("node2", StringComparison.Ordinal) || l.StartsWith("node3", StringComparison.Ordinal));
        hosts.Log.Should().NotContain("node1: remove mariadb", "the first node is not restarted normally either");
    }

    [Fact]
    public async Task LimitLeavesOutAMember_NoLimitedMemberHasTheCluster_RefusesBeforeTouchingAnything()
    {
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts);
        var plan = Limited("node1,node2", s_three);

        var planning = async () => await converger.GetChangesAsync(plan, TestContext.Current.CancellationToken);
        var deploying = async () => await converger.ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        const string Expected = "mariadb: --limit leaves out node3, where it runs too, and none of the hosts in the limit (node1, node2) has the container "
            + "or its data volume: this run would bootstrap a new Galera cluster while node3 may already run one. Nothing was changed; deploy without --limit, "
            + "or include node3 in it.";
        (await planning.Should().ThrowAsync<PlanningException>()).Which.Message.Should().Be(Expected);
        (await deploying.Should().ThrowAsync<PlanningException>()).Which.Message.Should().Be(Expected);
        hosts.Log.Should().BeEmpty("no one-shot, volume, file or container is touched");
        foreach (var host in new[] { "node1", "node2" })
        {
            (await hosts[host].Containers.ListVolumesAsync(TestContext.Current.CancellationToken)).Should().BeEmpty();
            (await hosts[host].Files.ReadTreeStateAsync(plan.Hosts[0].NodeConfigDirectory, TestContext.Current.CancellationToken)).Should().BeEmpty($"nothing is written on {host}");
        }
    }

    [Fact]
    public async Task LimitHoldsAWholeShard_ItIsBootstrapped_TheOtherShardsHostsOutsideDoNotCount()
    {
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts);

        var result = await converger.ApplyAsync(LimitedShards("node1,node3"), cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue(result.Hosts.FirstOrDefault(h => h.Error is not null)?.Error);
        hosts.Log.Should().Contain("node1: create mariadb BOOTSTRAP_ARGS=--wsrep-new-cluster restart=no");
    }

    [Fact]
    public async Task LimitLeavesOutAMemberOfTheShard_RefusesNamingOnlyThatShardsHost()
    {
        var converger = new Converger(new GaleraHosts());

        var planning = async () => await converger.GetChangesAsync(LimitedShards("node2,node4"), TestContext.Current.CancellationToken);

        (await planning.Should().ThrowAsync<PlanningException>()).Which.Message.Should().StartWith(
            "mariadb: --limit leaves out node5, where it runs too, and none of the hosts in the limit (node2, node4) has the container");
    }

    [Fact]
    public async Task LimitLeavesOutAMember_ALimitedMemberHasTheVolume_TheOthersJustJoin()
    {
        var hosts = new GaleraHosts();
        await hosts["node2"].Containers.EnsureVolumeAsync("mariadb", TestContext.Current.CancellationToken);
        var converger = new Converger(hosts);
        var plan = Limited("node1,node2", s_three);

        var planned = await converger.GetChangesAsync(plan, TestContext.Current.CancellationToken);
        var result = await converger.ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue(result.Hosts.FirstOrDefault(h => h.Error is not null)?.Error);
        plan.Hosts.Select(h => h.Host).Should().Equal("node1", "node2");
        planned.SelectMany(s => s.Changes).Should().NotContain(c => c is BootstrapClusterChange || c is RejoinClusterChange);
        hosts.Log.Should().NotContain(l => l.Contains("--wsrep-new-cluster", StringComparison.Ordinal));
        hosts.Log.Where(l => l.EndsWith("create mariadb", StringComparison.Ordinal)).Should().Equal("node1: create mariadb", "node2: create mariadb");
    }

    [Fact]
    public async Task LimitNamesOneNewMember_ItIsCreatedToJoin_NothingIsRefused()
    {
        // One member bootstraps nothing: its galera.cnf names the others, and it joins the cluster they run.
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts);
        var plan = Limited("node3", s_three);

        var planned = await converger.GetChangesAsync(plan, TestContext.Current.CancellationToken);
        var result = await converger.ApplyAsync(plan, cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue(result.Hosts.FirstOrDefault(h => h.Error is not null)?.Error);
        planned.Single().Changes.OfType<CreateContainerChange>().Should().ContainSingle();
        hosts.Log.Should().Equal("node3: one-shot bootstrap_mariadb", "node3: create mariadb", "node3: start mariadb");
    }

    [Fact]
    public async Task LimitCoversEveryMember_FormsTheClusterAsWithoutLimit()
    {
        var hosts = new GaleraHosts();
        var converger = new Converger(hosts);

        var result = await converger.ApplyAsync(Limited("db", s_three), cancellationToken: TestContext.Current.CancellationToken);

        result.Succeeded.Should().BeTrue(result.Hosts.FirstOrDefault(h => h.Error is not null)?.Error);
        hosts.Log.Should().Contain("node1: create mariadb BOOTSTRAP_ARGS=--wsrep-new-cluster restart=no");
    }

    /// <summary>In-memory hosts kept across connects, logging (in one list, across hosts) what the converge does to MariaDB.</summary>
    private sealed class GaleraHosts : IHostConnector
    {
        private readonly Dictionary<string, GaleraHost> _hosts = [];

        public List<string> Log { get; } = [];

        /// <summary>Each host's <c>wsrep_local_state_comment</c>.</summary>
        public Func<string, string> State { get; init; } = _ => "Synced";

        public IHostConnection this[string name]
        {
            get
            {
                lock (_hosts)
                {
                    if (!_hosts.TryGetValue(name, out var host))
                    {
                        host = new GaleraHost(name, new GaleraRuntime(name, new MemoryContainerRuntime(name), this));
                        _hosts[name] = host;
                    }

                    return host;
                }
            }
        }

        public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default) => ValueTask.FromResult(this[target.Name]);

        public void Add(string line)
        {
            lock (Log)
            {
                Log.Add(line);
            }
        }
    }

    private sealed class GaleraHost(string host, IContainerRuntime runtime) : IHostConnection
    {
        public string Host => host;

        public IHostFiles Files { get; } = new MemoryHostFiles(readLocal: false);

        public IContainerRuntime Containers => runtime;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class GaleraRuntime(string host, IContainerRuntime inner, GaleraHosts hosts) : DelegatingRuntime(inner), ISimulatedContainerRuntime
    {
        public override Task<string> CreateAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken = default)
        {
            var args = spec.Environment.FirstOrDefault(e => e.Key == "BOOTSTRAP_ARGS");
            hosts.Add($"{host}: create {spec.Name}{(args.Key is null ? "" : $" BOOTSTRAP_ARGS={args.Value} restart={spec.RestartPolicy}")}");
            return base.CreateAsync(spec, labels, cancellationToken);
        }

        public override Task StartAsync(string name, CancellationToken cancellationToken = default)
        {
            hosts.Add($"{host}: start {name}");
            return base.StartAsync(name, cancellationToken);
        }

        public override Task StopAsync(string name, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            hosts.Add($"{host}: stop {name}");
            return base.StopAsync(name, timeout, cancellationToken);
        }

        public override Task RemoveAsync(string name, CancellationToken cancellationToken = default)
        {
            hosts.Add($"{host}: remove {name}");
            return base.RemoveAsync(name, cancellationToken);
        }

        public override Task<OneShotResult> RunOneShotAsync(ContainerSpec spec, IReadOnlyDictionary<string, string> labels, TimeSpan timeout, CancellationToken cancellationToken = default)
        {
            hosts.Add($"{host}: one-shot {spec.Name}");
            return base.RunOneShotAsync(spec, labels, timeout, cancellationToken);
        }

        public override Task<OneShotResult> ExecAsync(string name, IReadOnlyList<string> command, CancellationToken cancellationToken = default)
        {
            if (command[0] == "mariadb-admin")
            {
                hosts.Add($"{host}: shutdown {name}");
                return Task.FromResult(new OneShotResult(0, ""));
            }

            if (command[0] == "mariadb" && command[^1] == GaleraStatus.Query)
            {
                hosts.Add($"{host}: status {name}");
                var status = $"wsrep_cluster_size\t1\nwsrep_cluster_status\tPrimary\nwsrep_local_state_comment\t{hosts.State(host)}\nwsrep_ready\tON\nwsrep_connected\tON\n";
                return Task.FromResult(new OneShotResult(0, status));
            }

            return base.ExecAsync(name, command, cancellationToken);
        }
    }
}
