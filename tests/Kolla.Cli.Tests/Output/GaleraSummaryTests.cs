using Kolla.Changes;
using Kolla.Cli;
using Kolla.Cli.Output;
using Kolla.Converge;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Passwords;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Output;

/// <summary>
/// The per-host summary of a plan that forms a new Galera cluster, from the changes the converger computes over in-memory
/// hosts (the engine <c>ConvergerGaleraTests</c> runs on): the first host's start as the new cluster is counted as
/// "bootstrap a cluster", its later restart as a member as one more "recreate", beside the host's other recreates.
/// </summary>
public sealed class GaleraSummaryTests
{
    // A Galera node and a plain container beside it, on every db host.
    private const string Definition = """
        service: mariadb
        restart: serial
        containers:
          mariadb:
            container_name: mariadb
            group: db
            image: kolla/mariadb-server:1
            volumes: ["mariadb:/var/lib/mysql"]
            galera_cluster: true
            config_json:
              command: mysqld_safe
          mariadb-sidecar:
            container_name: mariadb_sidecar
            group: db
            image: kolla/sidecar:2
            config_json:
              command: sidecar
        """;

    private static readonly string[] s_hosts = ["node1", "node2", "node3"];

    [Fact]
    public async Task Summary_NewCluster_FirstHostBootstrapsOnceAndCountsItsRestartAsARecreate()
    {
        var token = TestContext.Current.CancellationToken;
        var hosts = new MemoryHosts();
        var plan = DeploymentPlanner.Plan(new DeploymentInputs
        {
            Inventory = InventoryLoader.Parse("[db]\n" + string.Join("\n", s_hosts) + "\n"),
            Catalogue = ServiceCatalogue.Create([ServiceDefinitionReader.Read("mariadb/service.yml", Definition, new Dictionary<string, string>())], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
        });
        // node1 runs the sidecar of an older image: recreated in the same run as its node restarts as a member.
        var sidecar = plan.Hosts[0].Containers.Single(c => c.Spec.Name == "mariadb_sidecar").Spec;
        await hosts["node1"].Containers.CreateAsync(sidecar with { Image = "kolla/sidecar:1" }, new Dictionary<string, string>(), token);
        await hosts["node1"].Containers.StartAsync(sidecar.Name, token);

        var sets = await new Converger(hosts).GetChangesAsync(plan, token);
        var summary = Sections(sets);

        summary["node1"].Should().Equal(
            "   containers: 1 to bootstrap a cluster, 2 to recreate",
            "     + bootstrap galera cluster: create container mariadb with --wsrep-new-cluster, then node2, node3 join one at a time",
            "     + recreate container mariadb without --wsrep-new-cluster once node2, node3 joined (it rejoins the cluster as a member)",
            "     ! recreate container mariadb_sidecar (image changed)");
        summary["node2"].Should().Equal("   containers: 2 to create", "     + create: mariadb, mariadb_sidecar");
        summary["node3"].Should().Equal(summary["node2"]);
    }

    /// <summary>Each host's container lines of the summary (those from its <c>containers:</c> line to the next section).</summary>
    private static Dictionary<string, List<string>> Sections(IReadOnlyList<HostChangeSet> sets)
    {
        using var output = new StringWriter();
        var lines = ChangeSummary.Lines(new Terminal(new CliConsole(output, TextWriter.Null, IsInteractive: false)), sets, new SecretMasker([])).ToList();
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        var inContainers = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                current = [];
                inContainers = false;
                foreach (var host in line[3..].Split(" (")[0].Split(", "))
                {
                    sections[host] = current;
                }
            }
            else if (line.StartsWith("   ", StringComparison.Ordinal) && !line.StartsWith("    ", StringComparison.Ordinal))
            {
                inContainers = line.StartsWith("   containers: ", StringComparison.Ordinal);
                if (inContainers)
                {
                    current!.Add(line);
                }
            }
            else if (inContainers)
            {
                current!.Add(line);
            }
        }

        return sections;
    }

    /// <summary>In-memory hosts (the engine and files <c>ConvergerGaleraTests</c> uses), kept across connects.</summary>
    private sealed class MemoryHosts : IHostConnector
    {
        private readonly Dictionary<string, IHostConnection> _hosts = new(StringComparer.Ordinal);

        public IHostConnection this[string name]
        {
            get
            {
                lock (_hosts)
                {
                    return _hosts.TryGetValue(name, out var host) ? host : _hosts[name] = new MemoryHost(name);
                }
            }
        }

        public ValueTask<IHostConnection> ConnectAsync(HostTarget target, CancellationToken cancellationToken = default) => ValueTask.FromResult(this[target.Name]);
    }

    private sealed class MemoryHost(string name) : IHostConnection
    {
        public string Host => name;

        public IHostFiles Files { get; } = new MemoryHostFiles(readLocal: false);

        public IContainerRuntime Containers { get; } = new MemoryContainerRuntime(name);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
