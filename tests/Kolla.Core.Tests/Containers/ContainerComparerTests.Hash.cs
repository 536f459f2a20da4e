using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed partial class ContainerComparerTests
{
    [Fact]
    public void CompareByHash_LabelMatches_NoDifference()
    {
        var spec = ContainerSamples.Spec();
        var state = new ContainerState
        {
            Name = spec.Name,
            Id = "x",
            Image = "irrelevant",
            Status = "running",
            Labels = new Dictionary<string, string> { [KollaLabels.SpecHash] = spec.ComputeHash() },
        };

        ContainerComparer.CompareByHash(spec, state).Should().BeEmpty();
    }

    [Fact]
    public void CompareByHash_LabelDiffers_OneDifference()
    {
        var spec = ContainerSamples.Spec();
        var state = ContainerSamples.State() with { Labels = new Dictionary<string, string> { [KollaLabels.SpecHash] = "old" } };

        var differences = ContainerComparer.CompareByHash(spec, state);

        differences.Should().Equal(new ContainerDifference(ContainerFields.SpecHash, "old", spec.ComputeHash()));
    }

    [Fact]
    public void CompareByHash_NoLabel_Differs()
    {
        var differences = ContainerComparer.CompareByHash(ContainerSamples.Spec(), ContainerSamples.State());

        differences.Should().ContainSingle().Which.Current.Should().BeNull();
    }

    [Fact]
    public void Compare_WithHashLabel_UsesHashAndIgnoresFields()
    {
        var spec = ContainerSamples.Spec();
        var state = ContainerSamples.State() with
        {
            Privileged = true,
            Labels = new Dictionary<string, string> { [KollaLabels.SpecHash] = spec.ComputeHash() },
        };

        ContainerComparer.Compare(spec, state, ContainerSamples.Context()).Should().BeEmpty();
    }

    [Fact]
    public void Compare_WithoutHashLabel_AdoptsByFields()
    {
        var state = ContainerSamples.State() with { Privileged = true };

        var differences = ContainerComparer.Compare(ContainerSamples.Spec(), state, ContainerSamples.Context());

        ShouldDifferOnlyIn(differences, ContainerFields.Privileged);
    }
}
