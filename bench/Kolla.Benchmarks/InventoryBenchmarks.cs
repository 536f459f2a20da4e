using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Kolla.Inventory;

namespace Kolla.Benchmarks;

/// <summary>
/// A generated kolla-style INI inventory of 5,000 hosts (3 control, 2 network, 95 storage, 4,900 compute,
/// one host line each with inline variables) and 150 service groups mapped onto the top-level groups
/// with <c>[x:children]</c>, plus group_vars/ and host_vars/ files.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Kolla.Benchmarks -- --filter '*Inventory*'</c></remarks>
[MemoryDiagnoser]
public class InventoryBenchmarks
{
    private string _dir = string.Empty;
    private string _path = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("kolla-bench-inventory-").FullName;
        _path = Path.Combine(_dir, "multinode");
        File.WriteAllText(_path, Generate());
        Directory.CreateDirectory(Path.Combine(_dir, "group_vars"));
        Directory.CreateDirectory(Path.Combine(_dir, "host_vars"));
        File.WriteAllText(Path.Combine(_dir, "group_vars", "all.yml"), "network_interface: eth0\nenable_haproxy: yes\n");
        File.WriteAllText(Path.Combine(_dir, "group_vars", "compute.yml"), "nova_compute_virt_type: kvm\n");
        File.WriteAllText(Path.Combine(_dir, "host_vars", "compute0001.yml"), "api_interface: eth1\n");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    /// <summary>Parse, reconcile, load vars files, resolve every group's hosts.</summary>
    [Benchmark]
    public async Task<int> LoadAndResolve()
    {
        var inventory = await InventoryLoader.LoadAsync(_path).ConfigureAwait(false);
        var total = 0;
        foreach (var group in inventory.Groups.Values)
        {
            total += group.Hosts.Count;
        }

        return total;
    }

    /// <summary>The same, then every host's merged variables (what rendering configs needs).</summary>
    [Benchmark]
    public async Task<int> LoadResolveAndMergeAllHostVariables()
    {
        var inventory = await InventoryLoader.LoadAsync(_path).ConfigureAwait(false);
        var total = 0;
        foreach (var host in inventory.Hosts)
        {
            total += InventoryVarsLayers.ForHost(inventory, host.Name).Merge().Count;
        }

        return total;
    }

    /// <summary>A <c>--limit</c> style pattern over the loaded inventory.</summary>
    [Benchmark]
    public async Task<int> LoadAndEvaluatePattern()
    {
        var inventory = await InventoryLoader.LoadAsync(_path).ConfigureAwait(false);
        return HostPattern.Parse("compute:&nova-compute-svc:!compute00[0-9]*").Evaluate(inventory).Count;
    }

    private static string Generate()
    {
        var sb = new StringBuilder();
        void Hosts(string group, string prefix, int count, int firstOctet)
        {
            sb.Append('[').Append(group).AppendLine("]");
            for (var i = 1; i <= count; i++)
            {
                sb.Append(prefix).Append(i.ToString("0000", CultureInfo.InvariantCulture))
                  .Append(" ansible_host=10.").Append(firstOctet).Append('.').Append(i / 250).Append('.').Append(i % 250)
                  .AppendLine(" api_interface=eth0 ansible_user=kolla");
            }

            sb.AppendLine();
        }

        Hosts("control", "control", 3, 1);
        Hosts("network", "network", 2, 2);
        Hosts("storage", "storage", 95, 3);
        Hosts("compute", "compute", 4900, 4);
        sb.AppendLine("[monitoring:children]\ncontrol\n");
        sb.AppendLine("[deployment]\nlocalhost ansible_connection=local\n");
        sb.AppendLine("[baremetal:children]\ncontrol\nnetwork\ncompute\nstorage\nmonitoring\n");
        sb.AppendLine("[common:children]\ncontrol\nnetwork\ncompute\nstorage\nmonitoring\n");
        string[] tops = ["control", "network", "compute", "storage", "monitoring"];
        for (var i = 0; i < 150; i++)
        {
            var parent = $"svc{i:000}";
            sb.Append('[').Append(parent).AppendLine(":children]").AppendLine(tops[i % tops.Length]).AppendLine();
            sb.Append('[').Append(parent).AppendLine("-api:children]").AppendLine(parent).AppendLine();
        }

        sb.AppendLine("[nova-compute-svc:children]\ncompute\n");
        sb.AppendLine("[all:vars]\nkolla_base_distro=rocky\n");
        return sb.ToString();
    }
}
