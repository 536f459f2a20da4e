using System.Text;
using Kolla.Planning;
using Kolla.Tests.Execution;
using Kolla.Variables;

namespace Kolla.Tests.Planning;

public sealed class GlobalsPrecedencePlanTests
{
    private static string WebConf(GlobalsPrecedence precedence)
    {
        var inputs = TestDeployment.Inputs(inventory: "[control]\ncontrol01 ansible_host=10.0.0.11 greeting=from-inventory\n[compute]\n");
        var plan = DeploymentPlanner.Plan(inputs, new PlanOptions { GlobalsPrecedence = precedence });
        var file = plan.Hosts.Single().Containers.Single().Files.Single(f => f.Path.EndsWith("/web.conf", StringComparison.Ordinal));
        return Encoding.UTF8.GetString(file.Content.Span);
    }

    [Fact]
    public void Plan_ByDefault_InventoryVarsBeatGlobals() =>
        WebConf(GlobalsPrecedence.BelowInventory).Should().Contain("greeting = from-inventory");

    [Fact]
    public void Plan_LikeKollaAnsible_GlobalsBeatInventoryVars() =>
        WebConf(GlobalsPrecedence.LikeKollaAnsible).Should().Contain("greeting = hello");
}
