using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Kolla.Changes;
using Kolla.Containers;
using Kolla.Hosts;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Benchmarks;

/// <summary>
/// The in-process part of a converge for 1,000 containers (50 hosts x 20 kolla-shaped containers, each with an INI
/// config file rendered from a template, its config.json, volumes, environment and labels): planning the deployment,
/// and deciding every container's changes (<see cref="ChangeCalculator"/>) against observed state that already matches
/// (a no-op rerun) or where 5 % of the containers drifted (a changed config file, a changed spec, a removed container).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Kolla.Benchmarks -- --filter '*ConvergePlan*'</c></remarks>
[MemoryDiagnoser]
public class ConvergePlanBenchmarks
{
    private const int Hosts = 50;
    private const int ContainersPerHost = 20;
    private DeploymentInputs _inputs = null!;
    private DeploymentPlan _plan = null!;
    private ObservedHostState[] _converged = [];
    private ObservedHostState[] _drifted = [];

    [GlobalSetup]
    public void Setup()
    {
        _inputs = new DeploymentInputs
        {
            Inventory = InventoryLoader.Parse(Inventory()),
            Catalogue = ServiceCatalogue.Create([Service()], ServiceCatalogueLoader.LoadBuiltIn().CommonDefaults),
            Globals = new Dictionary<string, object?> { ["docker_registry"] = "", ["docker_namespace"] = "bench", ["openstack_tag"] = "1" },
            Passwords = new Dictionary<string, object?> { ["bench_database_password"] = "s3cr3t-pa55w0rd" },
        };
        _plan = DeploymentPlanner.Plan(_inputs);
        if (_plan.Hosts.Sum(h => h.Containers.Count) != Hosts * ContainersPerHost)
        {
            throw new InvalidOperationException("the benchmark plan must hold 1,000 containers");
        }

        _converged = [.. _plan.Hosts.Select(h => Observe(h, drift: false))];
        _drifted = [.. _plan.Hosts.Select(h => Observe(h, drift: true))];
        if (Diff(_converged) != 0 || Diff(_drifted) == 0)
        {
            throw new InvalidOperationException("the converged state must need no change and the drifted one some");
        }
    }

    [Benchmark(Description = "plan 50 hosts x 20 containers (render, hash)")]
    public int Plan() => DeploymentPlanner.Plan(_inputs).Hosts.Sum(h => h.Containers.Count);

    [Benchmark(Description = "diff 1,000 containers, nothing to do")]
    public int DiffConverged() => Diff(_converged);

    [Benchmark(Description = "diff 1,000 containers, 5 % drifted")]
    public int DiffDrifted() => Diff(_drifted);

    [Benchmark(Description = "plan + diff 1,000 containers (no-op rerun, in process)")]
    public int PlanAndDiff()
    {
        var plan = DeploymentPlanner.Plan(_inputs);
        var changes = 0;
        for (var i = 0; i < plan.Hosts.Count; i++)
        {
            var calculator = new ChangeCalculator(_converged[i]);
            foreach (var container in plan.Hosts[i].Containers)
            {
                changes += calculator.For(container).Count;
            }
        }

        return changes;
    }

    private int Diff(ObservedHostState[] states)
    {
        var changes = 0;
        for (var i = 0; i < _plan.Hosts.Count; i++)
        {
            var calculator = new ChangeCalculator(states[i]);
            foreach (var container in _plan.Hosts[i].Containers)
            {
                changes += calculator.For(container).Count;
            }
        }

        return changes;
    }

    /// <summary>What the host would report after a converge; with <paramref name="drift"/>, every 20th container differs in one way.</summary>
    private static ObservedHostState Observe(HostPlan host, bool drift)
    {
        var containers = new Dictionary<string, ContainerState>(StringComparer.Ordinal);
        var files = new Dictionary<string, HostFileState>(StringComparer.Ordinal);
        var index = 0;
        foreach (var container in host.Containers)
        {
            var kind = drift && index % 20 == 7 ? (index / 20 % 3) : -1;
            index++;
            foreach (var file in container.Files)
            {
                var sha = kind == 0 && file.Path.EndsWith(".conf", StringComparison.Ordinal) ? new string('0', 64) : file.Sha256;
                files[file.Path] = new HostFileState(file.Path, sha, file.Mode, "root", "root");
            }

            if (kind == 2)
            {
                continue; // removed by hand
            }

            containers[container.Spec.Name] = new ContainerState
            {
                Name = container.Spec.Name,
                Id = "id-" + container.Spec.Name,
                Image = container.Spec.Image,
                ImageId = "sha256:bench",
                Status = "running",
                Labels = new Dictionary<string, string>
                {
                    [KollaLabels.SpecHash] = kind == 1 ? "stale" : container.Spec.ComputeHash(),
                    [KollaLabels.ConfigHash] = container.ConfigHash,
                },
            };
        }

        var images = host.Images.ToDictionary(i => i, i => (ImageState?)new ImageState("sha256:bench", [i], new Dictionary<string, string>()), StringComparer.Ordinal);
        return new ObservedHostState(containers, files, host.Volumes.ToHashSet(StringComparer.Ordinal), images, host.NodeConfigDirectory);
    }

    private static string Inventory()
    {
        var text = new StringBuilder("[bench]\n");
        for (var i = 1; i <= Hosts; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"node{i:D3} ansible_host=10.0.{i / 250}.{i % 250} api_interface_address=10.0.{i / 250}.{i % 250}\n");
        }

        return text.ToString();
    }

    private static ServiceDefinition Service() => new()
    {
        Name = "bench",
        Source = "benchmark",
        Templates = new Dictionary<string, string>
        {
            ["service.conf.j2"] = """
                [DEFAULT]
                debug = {{ bench_debug | default(False) }}
                host = {{ inventory_hostname }}
                bind = {{ api_interface_address }}:{{ bench_port }}
                transport_url = rabbit://openstack:{{ bench_database_password }}@{{ api_interface_address }}:5672//

                [database]
                connection = mysql+pymysql://bench:{{ bench_database_password }}@{{ api_interface_address }}/{{ service_name }}
                max_pool_size = 10

                [oslo_concurrency]
                lock_path = /var/lib/{{ service_name }}/tmp

                """,
        },
        Defaults = new Dictionary<string, object?> { ["bench_port"] = "8080" },
        Containers = [.. Enumerable.Range(1, ContainersPerHost).Select(n => new ContainerDefinition
        {
            Key = $"svc{n:D2}",
            ContainerName = $"svc{n:D2}",
            Group = "bench",
            Image = "{{ docker_image_url }}" + $"svc{n:D2}" + ":{{ openstack_tag }}",
            Volumes = ["{{ node_config_directory }}/{{ service_name }}/:{{ container_config_directory }}/:ro", "/etc/localtime:/etc/localtime:ro", "kolla_logs:/var/log/kolla/"],
            Environment = [new("KOLLA_CONFIG_STRATEGY", "{{ config_strategy }}"), new("TAG", "v1")],
            Labels = [new("kolla_version", "1")],
            Dimensions = "{{ default_container_dimensions }}",
            Healthcheck = new Dictionary<string, object?> { ["test"] = new List<object?> { "CMD-SHELL", "healthcheck_port {{ service_name }} {{ bench_port }}" } },
            Files = [new ServiceFileDefinition { Dest = $"svc{n:D2}.conf", Template = "service.conf.j2", Merge = FileMergeKind.Ini }],
            ConfigJson = new Dictionary<string, object?>
            {
                ["command"] = $"/usr/bin/svc{n:D2}",
                ["config_files"] = new List<object?>
                {
                    new Dictionary<string, object?> { ["source"] = $"svc{n:D2}.conf", ["dest"] = $"/etc/svc{n:D2}/svc{n:D2}.conf", ["owner"] = "svc", ["perm"] = "0600" },
                },
            },
        })],
    };
}
