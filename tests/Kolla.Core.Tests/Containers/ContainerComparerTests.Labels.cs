using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed partial class ContainerComparerTests
{
    [Fact]
    public void Labels_ImageLabelsOnContainer_Ignored()
    {
        Compare(ContainerSamples.Spec(), ContainerSamples.State()).Should().BeEmpty();
    }

    [Fact]
    public void Labels_ExtraLabelOnContainer_Differs()
    {
        var state = ContainerSamples.State();
        state = state with { Labels = new Dictionary<string, string>(state.Labels) { ["extra"] = "1" } };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), state), ContainerFields.Labels);
    }

    [Fact]
    public void Labels_DesiredLabelMissing_Differs()
    {
        var spec = ContainerSamples.Spec() with { Labels = [new("service", "nova"), new("tier", "compute")] };

        ShouldDifferOnlyIn(Compare(spec, ContainerSamples.State()), ContainerFields.Labels);
    }

    [Fact]
    public void Labels_DesiredOverridesImageLabel_DiffersAsKollaDoes()
    {
        var spec = ContainerSamples.Spec() with { Labels = [new("service", "nova"), new("name", "custom")] };
        var state = ContainerSamples.State();
        state = state with { Labels = new Dictionary<string, string>(state.Labels) { ["name"] = "custom" } };

        ShouldDifferOnlyIn(Compare(spec, state), ContainerFields.Labels);
    }

    [Fact]
    public void Labels_DesiredEqualsImageLabel_Matches()
    {
        var spec = ContainerSamples.Spec() with { Labels = [new("service", "nova"), new("name", "nova-compute")] };

        Compare(spec, ContainerSamples.State()).Should().BeEmpty();
    }

    [Fact]
    public void Labels_KollaBookkeepingLabels_Ignored()
    {
        var state = ContainerSamples.State();
        state = state with
        {
            Labels = new Dictionary<string, string>(state.Labels) { [KollaLabels.ConfigHash] = "x", [KollaLabels.ManagedBy] = KollaLabels.ManagedByValue },
        };

        Compare(ContainerSamples.Spec(), state).Should().BeEmpty();
    }

    [Fact]
    public void Privileged_Differs()
    {
        var state = ContainerSamples.State() with { Privileged = true };

        var differences = Compare(ContainerSamples.Spec(), state);

        ShouldDifferOnlyIn(differences, ContainerFields.Privileged);
        differences[0].Should().Be(new ContainerDifference(ContainerFields.Privileged, "true", "false"));
    }

    [Fact]
    public void PidMode_UnsetOnBothSides_Matches()
    {
        var spec = ContainerSamples.Spec() with { PidMode = "" };

        Compare(spec, ContainerSamples.State() with { PidMode = "" }).Should().BeEmpty();
    }

    [Fact]
    public void PidMode_HostOnContainerButNotDesired_Differs()
    {
        var state = ContainerSamples.State() with { PidMode = "host" };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), state), ContainerFields.PidMode);
    }

    [Fact]
    public void PidMode_DesiredHost_Differs()
    {
        var spec = ContainerSamples.Spec() with { PidMode = "host" };

        ShouldDifferOnlyIn(Compare(spec, ContainerSamples.State()), ContainerFields.PidMode);
    }

    [Fact]
    public void CgroupnsMode_NotRequested_Ignored()
    {
        var state = ContainerSamples.State() with { CgroupnsMode = "host" };

        Compare(ContainerSamples.Spec(), state).Should().BeEmpty();
    }

    [Fact]
    public void CgroupnsMode_EmptyOnContainerMeansHost()
    {
        var spec = ContainerSamples.Spec() with { CgroupnsMode = "host" };
        var state = ContainerSamples.State() with { CgroupnsMode = "" };

        Compare(spec, state).Should().BeEmpty();
    }

    [Fact]
    public void CgroupnsMode_Requested_Differs()
    {
        var spec = ContainerSamples.Spec() with { CgroupnsMode = "private" };
        var state = ContainerSamples.State() with { CgroupnsMode = "" };

        var differences = Compare(spec, state);

        differences.Should().Equal(new ContainerDifference(ContainerFields.CgroupnsMode, "host", "private"));
    }

    [Fact]
    public void Tmpfs_EmptyEntriesDropped_Matches()
    {
        var spec = ContainerSamples.Spec() with { Tmpfs = ["", "/var/tmp", ""] };

        Compare(spec, ContainerSamples.State()).Should().BeEmpty();
    }

    [Fact]
    public void Tmpfs_Differs()
    {
        var state = ContainerSamples.State() with { Tmpfs = [] };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), state), ContainerFields.Tmpfs);
    }

    [Fact]
    public void VolumesFrom_Differs()
    {
        var spec = ContainerSamples.Spec() with { VolumesFrom = ["nova_libvirt"] };

        ShouldDifferOnlyIn(Compare(spec, ContainerSamples.State()), ContainerFields.VolumesFrom);
    }

    [Fact]
    public void VolumesFrom_OrderIgnored()
    {
        var spec = ContainerSamples.Spec() with { VolumesFrom = ["a", "b"] };
        var state = ContainerSamples.State() with { VolumesFrom = ["b", "a"] };

        Compare(spec, state).Should().BeEmpty();
    }
}
