using Kolla.Planning;
using Kolla.Prechecks;
using Kolla.Services;
using Kolla.Tests.Execution;

namespace Kolla.Tests.Planning;

public sealed class PlanExceptionTests
{
    private static DeploymentInputs Broken()
    {
        var inputs = TestDeployment.Inputs();
        var catalogue = ServiceCatalogue.Create(
            [.. inputs.Catalogue.Services.Select(s => s.Name == "agent"
                ? s with { Templates = new Dictionary<string, string>(s.Templates) { ["agent.conf.j2"] = "x = {{ no_such_variable }}\n" } }
                : s)],
            inputs.Catalogue.CommonDefaults);
        return inputs with { Catalogue = catalogue };
    }

    [Fact]
    public void Plan_TemplateErrorOnSeveralHosts_ThrowsOnePlanningException_NotAnAggregate()
    {
        var act = () => DeploymentPlanner.Plan(Broken());

        act.Should().Throw<PlanningException>().WithMessage("compute0?: agent: agent.conf: *no_such_variable*");
    }

    [Fact]
    public async Task Prechecks_PlanThatCannotBeMade_IsAFailedPlanCheck_NextToTheInputChecks()
    {
        var report = await new PrecheckRunner(new MemoryHosts()).RunAsync(Broken(), cancellationToken: TestContext.Current.CancellationToken);

        report.Failures.Should().ContainSingle().Which.Should().Match<PrecheckResult>(r => r.Check == "plan" && r.Message.Contains("no_such_variable"));
        report.Results.Select(r => r.Check).Should().Contain(["addresses", "inventory", "passwords"]);
        report.Results.Should().NotContain(r => r.Check == "docker", "hosts are not contacted without a plan");
    }
}
