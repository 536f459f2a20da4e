using System.Runtime.InteropServices;
using Kolla.Planning;

namespace Kolla.Tests.Planning;

/// <summary>
/// Hosts whose variables agree in what a file's template reads get the same file, rendered once and shared (one byte
/// array), and a host whose variables differ gets its own.
/// </summary>
public class PlanSharingTests
{
    private static byte[] Bytes(DeploymentPlan plan, string host, string key, string file)
    {
        var found = plan.Hosts.Single(h => h.Host == host).Containers.Single(c => c.Key == key).Files.Single(f => f.Path.EndsWith("/" + file, StringComparison.Ordinal));
        return MemoryMarshal.TryGetArray(found.Content, out var segment) ? segment.Array! : throw new InvalidOperationException("not an array");
    }

    [Fact]
    public async Task Plan_ComputeHostsWithEqualVariables_ShareOneRenderOfTheirFiles()
    {
        var plan = DeploymentPlanner.Plan(await Samples.LoadAsync(Samples.Multinode, TestContext.Current.CancellationToken));

        Bytes(plan, "compute03", "nova-compute", "config.json").Should().BeSameAs(Bytes(plan, "compute02", "nova-compute", "config.json"));
        Bytes(plan, "compute03", "cron", "logrotate.conf").Should().BeSameAs(Bytes(plan, "compute02", "cron", "logrotate.conf"));
        plan.Hosts.Single(h => h.Host == "compute02").Containers.Single(c => c.Key == "nova-compute").Spec
            .Should().BeSameAs(plan.Hosts.Single(h => h.Host == "compute03").Containers.Single(c => c.Key == "nova-compute").Spec);
    }

    [Fact]
    public async Task Plan_OneHostsVariableDiffers_OnlyThatHostGetsItsOwnFiles()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("kolla-plan-sharing-");
        try
        {
            var inventory = await File.ReadAllTextAsync(Path.Combine(Samples.Directory(Samples.Multinode), "inventory"), ct);
            var changed = Path.Combine(directory.FullName, "inventory");
            await File.WriteAllTextAsync(changed, inventory.Replace("compute02 ansible_host=10.0.0.32", "compute02 ansible_host=10.0.0.32 nova_logging_debug=True", StringComparison.Ordinal), ct);
            var baseline = DeploymentPlanner.Plan(await Samples.LoadAsync(Samples.Multinode, ct));

            var plan = DeploymentPlanner.Plan(await Samples.LoadFromAsync(Samples.Directory(Samples.Multinode), changed, ct));

            PlanTrees.ChangedPaths(Samples.Tree(baseline), Samples.Tree(plan)).Should().Equal("compute02/nova-compute/nova.conf", "compute02/nova-libvirt/libvirtd.conf");
            System.Text.Encoding.UTF8.GetString(Bytes(plan, "compute02", "nova-compute", "nova.conf")).Should().Contain("debug = True");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
