using Kolla.Planning;

namespace Kolla.Tests.Planning;

/// <summary>The built-in catalogue's post-start commands, rendered per host: what kolla-ansible's tasks exec into running containers.</summary>
public class PostStartPlanTests
{
    [Fact]
    public async Task Libvirt_CreatesTheSaslAccountAndOpenvswitchSetsIdentityAndBridgesWhereNeeded()
    {
        var inputs = await Samples.LoadAsync(Samples.Multinode, TestContext.Current.CancellationToken);

        var plan = DeploymentPlanner.Plan(inputs);
        IReadOnlyList<string> PostStart(string host, string key) =>
            plan.Hosts.Single(h => h.Host == host).Containers.Single(c => c.Key == key).PostStart;

        PostStart("compute01", "nova-libvirt").Should().ContainSingle()
            .Which.Should().Contain("/run/libvirtd.pid").And.EndWith("sed -n 's/^password=//p' /var/lib/kolla/config_files/auth.conf | saslpasswd2 -c -p -a libvirt nova")
            .And.NotContain("password=\n", "the password is read inside the container, never put on the command line");
        PostStart("network01", "openvswitch-vswitchd").Should().HaveCount(3);
        PostStart("network01", "openvswitch-vswitchd")[0].Should().StartWith("ovs-vsctl -t 10 set Open_vSwitch . external_ids:system-id=network01 external_ids:hostname=");
        PostStart("network01", "openvswitch-vswitchd")[1].Should().Be("ovs-vsctl -t 10 remove Open_vSwitch . other_config hw-offload");
        PostStart("network01", "openvswitch-vswitchd")[2].Should().Contain("bridges='br-ex'").And.Contain("add-br \"$bridge\" -- set Bridge \"$bridge\" fail-mode=standalone");
        PostStart("compute01", "openvswitch-vswitchd").Should().HaveCount(2, "compute hosts need no external bridge without DVR or provider networks");
        plan.Hosts.SelectMany(h => h.Containers).Where(c => c.Key is not ("nova-libvirt" or "openvswitch-vswitchd" or "mariadb")).Should().OnlyContain(c => c.PostStart.Count == 0);
        plan.Hosts.SelectMany(h => h.Containers).Where(c => c.PostStartBeforeHealthy).Select(c => c.Key).Distinct().Should().Equal("mariadb");
    }
}
