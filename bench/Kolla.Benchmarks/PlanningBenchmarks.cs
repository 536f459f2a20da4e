using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Kolla.Passwords;
using Kolla.Planning;

namespace Kolla.Benchmarks;

/// <summary>
/// Plans a generated multinode deployment with the core catalogue: 3 control, 2 network and the rest compute
/// (100, 1,000 and 5,000 hosts), the group layout and globals of samples/multinode, fixed passwords.
/// Targets (issue 21, whole process): 1,000 hosts <c>plan</c> under 1.5 s and <c>genconfig -o</c> under 3 s, under 300 MB
/// peak; 10,000 hosts under 15 s and 2 GB.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project bench/Kolla.Benchmarks -- --filter '*Planning*'</c>. Allocated bytes come from
/// the memory diagnoser; each case's peak working set is printed as a <c>// Peak working set</c> line in the log.
/// A few iterations only: one 5,000-host plan takes seconds. Whole-process figures (files written, max RSS):
/// <c>scripts/bench-plan.sh</c>.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PlanningBenchmarks
{
    private string _dir = string.Empty;
    private DeploymentInputs _inputs = null!;

    /// <summary>Inventory size.</summary>
    [Params(100, 1_000, 5_000)]
    public int Hosts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("kolla-bench-plan-").FullName;
        File.WriteAllText(Path.Combine(_dir, "inventory"), Inventory(Hosts));
        File.WriteAllText(Path.Combine(_dir, "globals.yml"), Globals);
        File.WriteAllText(Path.Combine(_dir, "passwords.yml"), PasswordsYaml());
        _inputs = LoadAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Directory.Delete(_dir, recursive: true);
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"// Peak working set ({Hosts} hosts): {process.PeakWorkingSet64 / (1024 * 1024)} MiB");
    }

    /// <summary>The planner alone: inputs already in memory.</summary>
    [Benchmark]
    public int Plan() => DeploymentPlanner.Plan(_inputs).Hosts.Sum(h => h.Containers.Count);

    /// <summary>Reading inventory, globals, passwords and catalogue, then planning (what every CLI verb does first).</summary>
    [Benchmark]
    public async Task<int> LoadAndPlan() => DeploymentPlanner.Plan(await LoadAsync().ConfigureAwait(false)).Hosts.Count;

    /// <summary>Planning, then writing every host's config directories (what <c>kolla genconfig -o</c> does after loading).</summary>
    [Benchmark]
    public async Task<int> PlanAndWriteTree()
    {
        var output = Path.Combine(_dir, "tree");
        try
        {
            return await Kolla.Operations.ConfigTree.WriteAsync(DeploymentPlanner.Plan(_inputs), output, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private Task<DeploymentInputs> LoadAsync() =>
        DeploymentInputsLoader.LoadAsync(new DeploymentInputsOptions { Inventories = [Path.Combine(_dir, "inventory")], ConfigDirectory = _dir });

    private const string Globals = """
        ---
        kolla_base_distro: "debian"
        openstack_release: "2025.1"
        kolla_internal_vip_address: "10.0.0.250"
        kolla_external_vip_address: "192.0.2.250"
        network_interface: "eth0"
        neutron_external_interface: "eth1"
        enable_haproxy: "yes"
        docker_registry: "registry.example.com:4000"
        docker_namespace: "openstack.kolla"
        """;

    /// <summary>samples/multinode's group layout with the three top-level groups generated.</summary>
    internal static string Inventory(int hosts)
    {
        var text = new StringBuilder();
        void Host(string name, int index) =>
            text.Append(name).Append(" ansible_host=10.").Append(1 + (index / 65536)).Append('.').Append(index / 256 % 256).Append('.').Append(index % 256)
                .Append(" api_interface_address=10.").Append(1 + (index / 65536)).Append('.').Append(index / 256 % 256).Append('.').Append(index % 256).Append('\n');
        text.Append("[control]\n");
        for (var i = 1; i <= 3; i++)
        {
            Host($"control{i:00}", 10 + i);
        }

        text.Append("\n[network]\n");
        for (var i = 1; i <= 2; i++)
        {
            Host($"network{i:00}", 20 + i);
        }

        text.Append("\n[compute]\n");
        for (var i = 1; i <= hosts - 5; i++)
        {
            Host(string.Create(CultureInfo.InvariantCulture, $"compute{i:0000}"), 256 + i);
        }

        text.Append("\n[monitoring]\ncontrol01\n\n[storage]\ncompute0001\n\n");
        text.Append("[common:children]\ncontrol\nnetwork\ncompute\nstorage\nmonitoring\n\n");
        foreach (var group in (string[])["cron", "fluentd", "kolla_logs", "kolla_toolbox"])
        {
            text.Append('[').Append(group).Append(":children]\ncommon\n\n");
        }

        text.Append("[loadbalancer:children]\nnetwork\n\n");
        foreach (var group in (string[])["mariadb", "rabbitmq", "memcached", "keystone", "glance", "placement", "nova", "neutron-server", "horizon"])
        {
            text.Append('[').Append(group).Append(":children]\ncontrol\n\n");
        }

        foreach (var (group, parent) in (ReadOnlySpan<(string, string)>)[
            ("glance-api", "glance"), ("placement-api", "placement"), ("nova-api", "nova"), ("nova-metadata", "nova"),
            ("nova-scheduler", "nova"), ("nova-conductor", "nova"), ("nova-super-conductor", "nova"), ("nova-novncproxy", "nova"),
            ("neutron", "network"), ("neutron-dhcp-agent", "neutron"), ("neutron-l3-agent", "neutron"), ("neutron-metadata-agent", "neutron")])
        {
            text.Append('[').Append(group).Append(":children]\n").Append(parent).Append("\n\n");
        }

        text.Append("[openvswitch:children]\nnetwork\ncompute\n");
        return text.ToString();
    }

    /// <summary>Every key of passwords.yml with a fixed value (generating RSA keys is not what is measured).</summary>
    private static string PasswordsYaml()
    {
        var text = new StringBuilder("---\n");
        foreach (var key in PasswordCatalog.BuiltInKeys)
        {
            text.Append(key).Append(':');
            text.Append(PasswordCatalog.KindOf(key) switch
            {
                PasswordKind.SshKeyPair => $"\n  private_key: \"-----BEGIN PRIVATE KEY-----\\nBENCH\\n-----END PRIVATE KEY-----\\n\"\n  public_key: ssh-rsa AAAABENCH {key}\n",
                PasswordKind.Uuid => " 00000000-0000-4000-8000-000000000000\n",
                PasswordKind.AlwaysBlank => "\n",
                _ => $" {key}-bench\n",
            });
        }

        return text.ToString();
    }
}
