using Kolla.Changes;
using Kolla.Containers;
using Kolla.Hosts;
using Kolla.Planning;

namespace Kolla.Tests.Execution;

public sealed class ChangeCalculatorImageTests
{
    private static ContainerPlan WebApi => TestDeployment.Plan().Hosts.Single(h => h.Host == "control01").Containers.Single();

    private static ObservedHostState StateWith(ContainerState container, ImageState? image, ContainerPlan plan) => new(
        new Dictionary<string, ContainerState> { [container.Name] = container },
        plan.Files.ToDictionary(f => f.Path, f => new HostFileState(f.Path, f.Sha256, f.Mode, "root", "root")),
        new HashSet<string>(["web_api_data"]),
        new Dictionary<string, ImageState?> { [plan.Spec.Image] = image },
        "/etc/kolla");

    private static ContainerState Running(ContainerPlan plan, string imageId) => new()
    {
        Name = plan.Spec.Name,
        Id = "c1",
        Image = plan.Spec.Image,
        ImageId = imageId,
        Status = "running",
        Labels = new Dictionary<string, string> { [KollaLabels.SpecHash] = plan.Spec.ComputeHash(), [KollaLabels.ConfigHash] = plan.ConfigHash },
    };

    [Fact]
    public void For_MovedTag_RunsBootstrapsAndRecreates()
    {
        var plan = WebApi;
        var state = StateWith(Running(plan, "sha256:old"), new ImageState("sha256:new", [plan.Spec.Image], new Dictionary<string, string>()), plan);

        var changes = new ChangeCalculator(state).For(plan);

        changes.Select(c => c.GetType().Name).Should().Equal(nameof(RunBootstrapChange), nameof(RecreateContainerChange), nameof(RecordConfigChange));
        changes.OfType<RecreateContainerChange>().Single().Differences.Should().ContainSingle()
            .Which.Should().Be(new ContainerDifference(ContainerFields.Image, "example/web:1 (sha256:old)", "example/web:1 (sha256:new)"));
    }

    [Fact]
    public void For_SameImageId_ChangesNothing()
    {
        var plan = WebApi;
        var state = StateWith(Running(plan, "sha256:same"), new ImageState("sha256:same", [plan.Spec.Image], new Dictionary<string, string>()), plan);

        new ChangeCalculator(state).For(plan).Should().BeEmpty();
    }
}
