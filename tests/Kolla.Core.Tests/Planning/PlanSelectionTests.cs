using Kolla.Inventory;
using Kolla.Planning;
using Kolla.Tests.Execution;

namespace Kolla.Tests.Planning;

/// <summary><c>--limit</c> selects hosts and <c>--tags</c>/<c>--skip-tags</c> select services, without changing what the selected part gets.</summary>
public class PlanSelectionTests
{
    private static Task<DeploymentInputs> MultinodeAsync() => Samples.LoadAsync(Samples.Multinode, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("compute", new[] { "compute01", "compute02", "compute03" })]
    [InlineData("control01,network02", new[] { "control01", "network02" })]
    [InlineData("common:!control", new[] { "network01", "network02", "compute01", "compute02", "compute03" })]
    public async Task Limit_PlansTheMatchingHostsOnlyAndGivesThemTheSameFiles(string limit, string[] hosts)
    {
        var inputs = await MultinodeAsync();
        var full = Samples.Tree(DeploymentPlanner.Plan(inputs));

        var plan = DeploymentPlanner.Plan(inputs, new PlanOptions { Limit = limit });

        plan.Hosts.Select(h => h.Host).Should().BeEquivalentTo(hosts);
        var limited = Samples.Tree(plan);
        limited.Should().NotBeEmpty();
        limited.Keys.Should().BeEquivalentTo(full.Keys.Where(k => hosts.Contains(k.Split('/')[0])), "a limited plan still sees the whole inventory (HAProxy backends, cluster members)");
        foreach (var (path, bytes) in limited)
        {
            bytes.Should().Equal(full[path], path);
        }
    }

    [Fact]
    public async Task Limit_ThatMatchesNothingIsAnError()
    {
        var inputs = await MultinodeAsync();

        var act = () => DeploymentPlanner.Plan(inputs, new PlanOptions { Limit = "nosuchhost" });

        act.Should().Throw<InventoryException>().WithMessage("*nosuchhost*");
    }

    [Fact]
    public async Task Tags_SelectServices()
    {
        var inputs = await MultinodeAsync();
        var full = DeploymentPlanner.Plan(inputs);

        var plan = DeploymentPlanner.Plan(inputs, new PlanOptions { Tags = ["nova", "keystone"] });

        plan.ServiceOrder.Should().Equal("keystone", "nova");
        plan.Hosts.SelectMany(h => h.Containers).Select(c => c.Service).Distinct().Should().BeEquivalentTo(["nova", "keystone"]);
        var expected = full.Hosts.SelectMany(h => h.Containers.Where(c => c.Service is "nova" or "keystone").Select(c => $"{h.Host}/{c.Key} {c.ConfigHash}"));
        plan.Hosts.SelectMany(h => h.Containers.Select(c => $"{h.Host}/{c.Key} {c.ConfigHash}")).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task Skip_TagsLeaveServicesOut()
    {
        var inputs = await MultinodeAsync();

        var plan = DeploymentPlanner.Plan(inputs, new PlanOptions { SkipTags = ["nova"] });

        plan.ServiceOrder.Should().NotContain("nova").And.Contain(["keystone", "neutron"]);
        plan.Hosts.SelectMany(h => h.Containers).Should().NotContain(c => c.Service == "nova");
    }

    [Fact]
    public async Task Tags_AndLimitCombine()
    {
        var inputs = await MultinodeAsync();

        var plan = DeploymentPlanner.Plan(inputs, new PlanOptions { Limit = "compute02", Tags = ["nova"] });

        plan.Hosts.Should().ContainSingle().Which.Containers.Select(c => c.Key).Should().BeEquivalentTo(["nova-compute", "nova-libvirt", "nova-ssh"]);
    }

    [Theory]
    [InlineData("nvoa")]
    [InlineData("nova-compute")]
    public async Task Unknown_TagIsAnErrorNamingIt(string tag)
    {
        var inputs = await MultinodeAsync();

        var act = () => DeploymentPlanner.Plan(inputs, new PlanOptions { Tags = [tag] });

        act.Should().Throw<PlanningException>().WithMessage($"*unknown service '{tag}'*");
    }

    [Fact]
    public async Task Unknown_SkipTagIsAnErrorToo()
    {
        var inputs = await MultinodeAsync();

        var act = () => DeploymentPlanner.Plan(inputs, new PlanOptions { SkipTags = ["glanse"] });

        act.Should().Throw<PlanningException>().WithMessage("*glanse*");
    }

    [Fact]
    public void Selected_ServicesHoldWhatTheTagsSelectPlacedOrNot()
    {
        var inputs = TestDeployment.Inputs(inventory: "[compute]\ncompute01 ansible_host=10.0.0.31\n");

        var plan = DeploymentPlanner.Plan(inputs, new PlanOptions { Tags = ["web", "agent"], SkipTags = ["agent"] });

        plan.SelectedServices.Should().Equal("web");
        plan.ServiceOrder.Should().BeEmpty("web's group is not in the inventory");
    }

    [Fact]
    public void Plan_VariablesCoverEveryInventoryHostAlsoThoseTheLimitLeavesOut()
    {
        var plan = DeploymentPlanner.Plan(TestDeployment.Inputs(), new PlanOptions { Limit = "control01" });

        plan.Hosts.Select(h => h.Host).Should().Equal("control01");
        plan.Variables.HostNames.Should().Equal("control01", "compute01", "compute02", "compute03");
        plan.Variables.ForHost("compute02").TryGetVariable("kolla_internal_vip_address", out var vip).Should().BeTrue();
        vip.Should().Be("10.0.0.250");
    }

    [Theory]
    [InlineData("", "", true)]
    [InlineData("web", "", true)]
    [InlineData("agent", "", false)]
    [InlineData("", "web", false)]
    [InlineData("web", "web", false)]
    public void Selects_follows_tags_then_skip_tags(string tags, string skipTags, bool selected)
    {
        var options = new PlanOptions { Tags = tags.Split(',', StringSplitOptions.RemoveEmptyEntries), SkipTags = skipTags.Split(',', StringSplitOptions.RemoveEmptyEntries) };

        options.Selects("web").Should().Be(selected);
    }
}
