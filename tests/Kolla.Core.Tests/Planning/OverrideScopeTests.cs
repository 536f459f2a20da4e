using Kolla.Planning;

namespace Kolla.Tests.Planning;

/// <summary>
/// Operator overrides reach exactly the files they are meant for: the seed's example (<c>config/nova/nova-compute.conf</c>
/// with <c>[libvirt] virt_type=qemu</c> lands in nova-compute's nova.conf only) and per-host overrides
/// (<c>config/nova/&lt;host&gt;/nova.conf</c> applies on that host only).
/// </summary>
public class OverrideScopeTests
{
    private static async Task<(DeploymentPlan Baseline, DeploymentPlan WithOverrides)> PlanAsync(IReadOnlyDictionary<string, string> overrides)
    {
        var inputs = await Samples.LoadAsync(Samples.Multinode, TestContext.Current.CancellationToken);
        var baseline = DeploymentPlanner.Plan(inputs with { Overrides = OverrideTree.Empty });
        var overridden = DeploymentPlanner.Plan(inputs with { Overrides = OverrideTree.FromFiles("/etc/kolla/config", overrides) });
        return (baseline, overridden);
    }

    [Fact]
    public async Task Service_OverrideReachesNovaComputeNovaConfOnly()
    {
        var (baseline, overridden) = await PlanAsync(new Dictionary<string, string>
        {
            ["nova/nova-compute.conf"] = "[libvirt]\nvirt_type=qemu\n",
        });

        var changed = PlanTrees.ChangedPaths(Samples.Tree(baseline), Samples.Tree(overridden));

        changed.Should().Equal("compute01/nova-compute/nova.conf", "compute02/nova-compute/nova.conf", "compute03/nova-compute/nova.conf");
        foreach (var (host, container, file) in PlanTrees.Files(overridden).Where(f => PlanTrees.FileName(f.Container, f.File) == "nova.conf"))
        {
            var virtType = PlanTrees.IniValue(file.Content.ToArray(), "libvirt", "virt_type");
            if (container.Key == "nova-compute")
            {
                virtType.Should().Be("qemu", $"{host} nova-compute gets the operator's value");
            }
            else
            {
                virtType.Should().NotBe("qemu", $"{host} {container.Key} is not nova-compute");
            }
        }

        PlanTrees.Files(baseline)
            .Where(f => f.Container.Key == "nova-compute" && PlanTrees.FileName(f.Container, f.File) == "nova.conf")
            .Should().HaveCount(3)
            .And.AllSatisfy(f => PlanTrees.IniValue(f.File.Content.ToArray(), "libvirt", "virt_type").Should().Be("kvm", "without the override the default applies"));
    }

    [Fact]
    public async Task Service_OverrideChangesTheConfigHashOfTheAffectedContainersOnly()
    {
        var (baseline, overridden) = await PlanAsync(new Dictionary<string, string>
        {
            ["nova/nova-compute.conf"] = "[libvirt]\nvirt_type=qemu\n",
        });

        var before = baseline.Hosts.SelectMany(h => h.Containers.Select(c => ($"{h.Host}/{c.Key}", c.ConfigHash))).ToDictionary();
        var after = overridden.Hosts.SelectMany(h => h.Containers.Select(c => ($"{h.Host}/{c.Key}", c.ConfigHash))).ToDictionary();

        after.Keys.Should().BeEquivalentTo(before.Keys);
        after.Where(p => before[p.Key] != p.Value).Select(p => p.Key).Order(StringComparer.Ordinal)
            .Should().Equal("compute01/nova-compute", "compute02/nova-compute", "compute03/nova-compute");
    }

    [Fact]
    public async Task Per_HostOverrideAppliesOnThatHostOnly()
    {
        var (baseline, overridden) = await PlanAsync(new Dictionary<string, string>
        {
            ["nova/compute02/nova.conf"] = "[DEFAULT]\nreserved_host_memory_mb = 4096\n",
            ["nova/control02/nova.conf"] = "[DEFAULT]\nosapi_compute_workers = 7\n",
        });

        var changed = PlanTrees.ChangedPaths(Samples.Tree(baseline), Samples.Tree(overridden));

        var novaOnControl02 = overridden.Hosts.Single(h => h.Host == "control02").Containers
            .Where(c => c.Files.Any(f => f.Path.EndsWith("/nova.conf", StringComparison.Ordinal)))
            .Select(c => $"control02/{c.Key}/nova.conf")
            .ToList();
        novaOnControl02.Should().Contain(["control02/nova-api/nova.conf", "control02/nova-scheduler/nova.conf", "control02/nova-conductor/nova.conf"]);
        changed.Should().BeEquivalentTo(novaOnControl02.Append("compute02/nova-compute/nova.conf"));
        var tree = Samples.Tree(overridden);
        PlanTrees.IniValue(tree["compute02/nova-compute/nova.conf"], "DEFAULT", "reserved_host_memory_mb").Should().Be("4096");
        PlanTrees.IniValue(tree["compute01/nova-compute/nova.conf"], "DEFAULT", "reserved_host_memory_mb").Should().BeNull();
        PlanTrees.IniValue(tree["control02/nova-api/nova.conf"], "DEFAULT", "osapi_compute_workers").Should().Be("7");
        PlanTrees.IniValue(tree["control01/nova-api/nova.conf"], "DEFAULT", "osapi_compute_workers").Should().BeNull();
    }

    [Fact]
    public async Task Per_HostOverrideWinsOverTheServiceOverride()
    {
        var (_, overridden) = await PlanAsync(new Dictionary<string, string>
        {
            ["nova/nova-compute.conf"] = "[libvirt]\nvirt_type=qemu\n",
            ["nova/compute03/nova.conf"] = "[libvirt]\nvirt_type = kvm\n",
        });

        var tree = Samples.Tree(overridden);

        PlanTrees.IniValue(tree["compute01/nova-compute/nova.conf"], "libvirt", "virt_type").Should().Be("qemu");
        PlanTrees.IniValue(tree["compute03/nova-compute/nova.conf"], "libvirt", "virt_type").Should().Be("kvm");
    }
}
