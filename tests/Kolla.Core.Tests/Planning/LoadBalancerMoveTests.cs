using System.Text;
using Kolla.Containers;
using Kolla.Inventory;
using Kolla.Planning;
using Kolla.TestKit;

namespace Kolla.Tests.Planning;

/// <summary>
/// Moving HAProxy to its own node by editing only the inventory: the <c>loadbalancer</c> group becomes one new host,
/// lb01, which (like every node) also joins <c>common</c>. The haproxy and keepalived containers move and nothing else.
/// </summary>
/// <remarks>
/// Decided precisely:
/// <list type="bullet">
/// <item>network01/02 lose haproxy and keepalived and nothing else; lb01 gets them plus the per-node containers every
/// <c>common</c> member has (cron, fluentd, kolla-toolbox); no other host changes.</item>
/// <item>Every file and spec of every other container stays byte for byte the same, except fluentd on the old and new
/// load-balancer hosts: fluentd is what receives HAProxy's syslog, so its config (and config.json's haproxy log
/// directory) follows the load balancer. Clients use the VIP, so nothing else refers to the load-balancer hosts.</item>
/// <item>lb01's containers get exactly the specs and files network01's had, with network01's address replaced by lb01's
/// (HAProxy binds stats and sends logs on the host's own address; keepalived's priority is the host's position in the
/// group, 1 for both), and fluentd tailing the RabbitMQ log named after lb01's own host name, as it does on every host.</item>
/// </list>
/// </remarks>
public class LoadBalancerMoveTests
{
    private static readonly string[] s_moved = ["haproxy", "keepalived"];

    private static async Task<(DeploymentPlan Before, DeploymentPlan After)> PlanBothAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var inputs = await Samples.LoadAsync(Samples.Multinode, ct);
        var text = await File.ReadAllTextAsync(Path.Combine(Samples.Directory(Samples.Multinode), "inventory"), ct);
        const string LoadBalancer = "[loadbalancer:children]\nnetwork\n";
        const string Common = "[common:children]\ncontrol\n";
        text.Should().Contain(LoadBalancer, "the sample puts the load balancer on the network nodes").And.Contain(Common);
        var moved = text
            .Replace(LoadBalancer, "[loadbalancer]\nlb01 ansible_host=10.0.0.41 api_interface_address=10.0.0.41\n", StringComparison.Ordinal)
            .Replace(Common, Common + "loadbalancer\n", StringComparison.Ordinal);

        var before = DeploymentPlanner.Plan(inputs);
        var after = DeploymentPlanner.Plan((inputs with { Inventory = InventoryLoader.ParseIni(moved, "inventory") }).WithTestFacts());
        return (before, after);
    }

    [Fact]
    public async Task Only_HaproxyAndKeepalivedChangeHosts()
    {
        var (before, after) = await PlanBothAsync();

        var was = PlanTrees.Placement(before);
        var now = PlanTrees.Placement(after);

        was["network01"].Should().Contain(s_moved);
        now["lb01"].Should().BeEquivalentTo(s_moved.Concat(["cron", "fluentd", "kolla-toolbox"]));
        now.Keys.Should().BeEquivalentTo(was.Keys.Append("lb01"));
        foreach (var (host, keys) in was)
        {
            var expected = host is "network01" or "network02" ? keys.Except(s_moved) : keys;
            now[host].Should().Equal(expected, $"{host} keeps everything but the load balancer");
        }
    }

    [Fact]
    public async Task Every_OtherContainerKeepsItsSpecAndFilesByteForByte()
    {
        var (before, after) = await PlanBothAsync();

        var changed = PlanTrees.ChangedPaths(Samples.Tree(before), Samples.Tree(after)).Where(p => !p.StartsWith("lb01/", StringComparison.Ordinal)).ToList();

        changed.Where(p => !s_moved.Contains(p.Split('/')[1])).Should().Equal(
            "network01/fluentd/config.json", "network01/fluentd/fluentd.conf", "network02/fluentd/config.json", "network02/fluentd/fluentd.conf");
        var tree = Samples.Tree(after);
        Encoding.UTF8.GetString(tree["network01/fluentd/fluentd.conf"]).Should().NotContain("haproxy");
        Encoding.UTF8.GetString(Samples.Tree(before)["network01/fluentd/fluentd.conf"]).Should().Contain("haproxy");
        var specsBefore = Specs(before);
        foreach (var (key, spec) in Specs(after).Where(s => !s.Key.StartsWith("lb01/", StringComparison.Ordinal) && !s_moved.Contains(s.Key.Split('/')[1]) && !s.Key.EndsWith("/fluentd", StringComparison.Ordinal)))
        {
            spec.Should().Be(specsBefore[key], $"{key} has nothing to do with the load balancer");
        }
    }

    [Fact]
    public async Task New_HostGetsWhatNetwork01HadWithItsOwnAddress()
    {
        var (before, after) = await PlanBothAsync();
        var old = before.Hosts.Single(h => h.Host == "network01");
        var lb = after.Hosts.Single(h => h.Host == "lb01");
        lb.Target.Address.Should().Be("10.0.0.41");

        foreach (var now in lb.Containers)
        {
            var was = old.Containers.Single(c => c.Key == now.Key);
            ContainerSpecHasher.ToCanonicalJson(now.Spec).Should().Be(ContainerSpecHasher.ToCanonicalJson(was.Spec).Replace("10.0.0.21", "10.0.0.41", StringComparison.Ordinal), now.Key);
            now.Files.Select(f => f.Path).Should().Equal(was.Files.Select(f => f.Path));
            foreach (var (file, previous) in now.Files.Zip(was.Files))
            {
                var expected = Encoding.UTF8.GetString(previous.Content.Span)
                    .Replace("10.0.0.21", "10.0.0.41", StringComparison.Ordinal)
                    .Replace("rabbit@network01.log", "rabbit@lb01.log", StringComparison.Ordinal);
                Encoding.UTF8.GetString(file.Content.Span).Should().Be(expected, file.Path);
            }
        }
    }

    private static Dictionary<string, string> Specs(DeploymentPlan plan) =>
        plan.Hosts.SelectMany(h => h.Containers.Select(c => ($"{h.Host}/{c.Key}", ContainerSpecHasher.ToCanonicalJson(c.Spec) + " " + c.ConfigHash))).ToDictionary();
}
