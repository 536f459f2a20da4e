using Kolla.Planning;
using Kolla.Prechecks;
using Kolla.Tests.Execution;

namespace Kolla.Tests.Prechecks;

/// <summary>The checks that need no host, one at a time, on the plan's own selection.</summary>
public sealed class InputPrecheckTests
{
    private const string ComputeOnly = "[compute]\ncompute01 ansible_host=10.0.0.31\n";

    private static PrecheckContext Context(DeploymentInputs inputs, PlanOptions? planOptions = null) =>
        PrecheckContext.Create(inputs, DeploymentPlanner.Plan(inputs, planOptions), new PrecheckOptions(), planOptions: null);

    [Fact]
    public void TheChecks_InOrder_AreWhatCheckInputsReports()
    {
        var inputs = TestDeployment.Inputs(inventory: ComputeOnly, passwords: new Dictionary<string, object?> { ["web_password"] = "" });
        var context = Context(inputs);

        IPrecheck[] checks = [new VipPrecheck(), new HostAddressesPrecheck(), new InventoryPrecheck(), new PasswordsPrecheck(), new UnimplementedPrecheck()];

        PrecheckRunner.CheckInputs(inputs, DeploymentPlanner.Plan(inputs)).Results.Should().Equal(checks.SelectMany(c => c.Check(context)));
    }

    [Fact]
    public void Vip_ReportsTheVipOnly_AndHostAddresses_OneLinePerHostThatRunsContainers()
    {
        var context = Context(TestDeployment.Inputs(), new PlanOptions { Tags = ["web"] });

        new VipPrecheck().Check(context).Should().ContainSingle().Which.Should().Be(new PrecheckResult("addresses", PrecheckStatus.Passed, "kolla_internal_vip_address is 10.0.0.250"));
        new HostAddressesPrecheck().Check(context).Should().ContainSingle().Which.Host.Should().Be("control01");
    }

    [Fact]
    public void Inventory_GroupOfAServiceThePlanLeavesOut_IsNotReported()
    {
        var inputs = TestDeployment.Inputs(inventory: ComputeOnly);

        var all = new InventoryPrecheck().Check(Context(inputs));
        var agentOnly = new InventoryPrecheck().Check(Context(inputs, new PlanOptions { Tags = ["agent"] }));

        all.Should().ContainSingle().Which.Status.Should().Be(PrecheckStatus.Failed);
        agentOnly.Should().ContainSingle().Which.Should().Be(new PrecheckResult("inventory", PrecheckStatus.Passed, "1 host(s); every group the enabled services use exists"));
    }

    [Fact]
    public void Passwords_OfAServiceThePlanLeavesOut_AreNotChecked()
    {
        var inputs = TestDeployment.Inputs(passwords: new Dictionary<string, object?> { ["web_password"] = null });

        var all = new PasswordsPrecheck().Check(Context(inputs));
        var agentOnly = new PasswordsPrecheck().Check(Context(inputs, new PlanOptions { SkipTags = ["web"] }));

        all.Should().ContainSingle().Which.Message.Should().Be("'web_password' (used by web) is empty in passwords.yml; run kolla genpwd");
        agentOnly.Should().ContainSingle().Which.Should().Be(new PrecheckResult("passwords", PrecheckStatus.Passed, "0 password(s) the selected services use are set"));
    }

    [Fact]
    public void Addresses_ReadThePlansVariables_NotANewContext()
    {
        var inputs = TestDeployment.Inputs();
        var plan = DeploymentPlanner.Plan(inputs, new PlanOptions { Tags = ["web"] });
        var otherInputs = TestDeployment.Inputs(globals: new Dictionary<string, object?> { ["kolla_internal_vip_address"] = "10.9.9.9" });

        var results = new VipPrecheck().Check(PrecheckContext.Create(otherInputs, plan, new PrecheckOptions(), planOptions: null));

        results.Should().ContainSingle().Which.Message.Should().Be("kolla_internal_vip_address is 10.0.0.250");
    }
}
