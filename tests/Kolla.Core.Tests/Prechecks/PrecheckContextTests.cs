using Kolla.Planning;
using Kolla.Prechecks;
using Kolla.Tests.Execution;

namespace Kolla.Tests.Prechecks;

public sealed class PrecheckContextTests
{
    [Fact]
    public void Create_WithAPlan_ReadsThePlansVariablesHostsAndSelection()
    {
        var inputs = TestDeployment.Inputs();
        var plan = DeploymentPlanner.Plan(inputs, new PlanOptions { Tags = ["agent"] });

        var context = PrecheckContext.Create(inputs, plan, new PrecheckOptions(), planOptions: null);

        context.Variables.Should().BeSameAs(plan.Variables);
        context.Hosts.Should().Equal("compute01", "compute02", "compute03");
        context.SelectedServices.Select(s => s.Name).Should().Equal("agent");
        context.DeployedServices.Should().Equal("agent");
    }

    [Fact]
    public void Create_WithAPlan_SelectsAServicePlacedNowhere_ButDeploysOnlyPlacedOnes()
    {
        var inputs = TestDeployment.Inputs(inventory: "[compute]\ncompute01 ansible_host=10.0.0.31\n");
        var plan = DeploymentPlanner.Plan(inputs);

        var context = PrecheckContext.Create(inputs, plan, new PrecheckOptions(), planOptions: null);

        context.SelectedServices.Select(s => s.Name).Should().Equal("web", "agent");
        context.DeployedServices.Should().Equal("agent");
    }

    [Fact]
    public void Create_WithoutAPlan_SelectsByThePlanOptions_AndChecksEveryPlacedHost()
    {
        var inputs = TestDeployment.Inputs(inventory: TestDeployment.Inventory + "\n[deployment]\nlocalhost\n");

        var context = PrecheckContext.Create(inputs, plan: null, new PrecheckOptions(), new PlanOptions { SkipTags = ["agent"] });

        context.Hosts.Should().Equal("control01", "compute01", "compute02", "compute03");
        context.SelectedServices.Select(s => s.Name).Should().Equal("web");
        context.DeployedServices.Should().Equal("web");
        context.Scope("localhost").TryGetVariable("inventory_hostname", out var name).Should().BeTrue();
        name.Should().Be("localhost");
    }
}
