using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed partial class ContainerComparerTests
{
    private static IReadOnlyList<ContainerDifference> Compare(ContainerSpec spec, ContainerState state, ContainerComparisonContext? context = null) =>
        ContainerComparer.CompareFields(spec, state, context ?? ContainerSamples.Context());

    private static void ShouldDifferOnlyIn(IReadOnlyList<ContainerDifference> differences, string field) =>
        differences.Select(d => d.Field).Should().Equal(field);

    [Fact]
    public void CompareFields_KollaCreatedContainer_NoDifference()
    {
        var differences = Compare(ContainerSamples.Spec(), ContainerSamples.State());

        differences.Should().BeEmpty();
    }

    [Fact]
    public void CompareFields_SeveralFieldsDiffer_ReportedInKollaOrder()
    {
        var spec = ContainerSamples.Spec() with { Healthcheck = null, Privileged = true, CapAdd = ["SYS_ADMIN"], Command = "sleep 1" };
        var state = ContainerSamples.State() with { Status = "exited" };

        var differences = Compare(spec, state);

        differences.Select(d => d.Field).Should().Equal(
            ContainerFields.CapAdd, ContainerFields.Privileged, ContainerFields.ContainerState, ContainerFields.Command, ContainerFields.Healthcheck);
        ContainerFields.DefinitionOrder.Should().HaveCount(16);
    }

    [Fact]
    public void CapAdd_OrderIgnored_NoDifference()
    {
        var spec = ContainerSamples.Spec() with { CapAdd = ["SYS_TIME", "NET_ADMIN"] };
        var state = ContainerSamples.State() with { CapAdd = ["NET_ADMIN", "SYS_TIME"] };

        Compare(spec, state).Should().BeEmpty();
    }

    [Fact]
    public void CapAdd_Missing_Differs()
    {
        var state = ContainerSamples.State() with { CapAdd = [] };

        var differences = Compare(ContainerSamples.Spec(), state);

        ShouldDifferOnlyIn(differences, ContainerFields.CapAdd);
        differences[0].Current.Should().Be("[]");
        differences[0].Desired.Should().Be("[NET_ADMIN]");
    }

    [Fact]
    public void SecurityOpt_Differs_WhenUnprivileged()
    {
        var state = ContainerSamples.State() with { SecurityOpt = ["apparmor=unconfined", "label=disable"] };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), state), ContainerFields.SecurityOpt);
    }

    [Theory]
    [InlineData(true, null, null)]
    [InlineData(false, "host", null)]
    [InlineData(false, null, "host")]
    public void SecurityOpt_Skipped_WhenPrivilegedOrHostNamespace(bool privileged, string? pid, string? ipc)
    {
        var spec = ContainerSamples.Spec() with { Privileged = privileged, PidMode = pid, IpcMode = ipc };
        var state = ContainerSamples.State() with
        {
            Privileged = privileged,
            PidMode = pid ?? "",
            IpcMode = ipc ?? "private",
            SecurityOpt = ["label=disable"],
        };

        Compare(spec, state).Should().BeEmpty();
    }

    [Fact]
    public void Image_NotPresentLocally_Differs()
    {
        var context = ContainerSamples.Context() with { DesiredImage = null };

        var differences = Compare(ContainerSamples.Spec(), ContainerSamples.State(), context);

        ShouldDifferOnlyIn(differences, ContainerFields.Image);
        differences[0].Desired.Should().Contain("not present");
    }

    [Fact]
    public void Image_LocalImageNotTaggedWithReference_Differs()
    {
        var context = ContainerSamples.Context() with { DesiredImage = ContainerSamples.Image() with { RepoTags = ["other/nova-compute:2025.1"] } };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), ContainerSamples.State(), context), ContainerFields.Image);
    }

    [Fact]
    public void Image_ContainerRunsOtherImageId_Differs()
    {
        var state = ContainerSamples.State() with { ImageId = "sha256:2222" };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), state), ContainerFields.Image);
    }

    [Fact]
    public void Image_ReferenceTextDiffers_Differs()
    {
        var state = ContainerSamples.State() with { Image = "quay.io/openstack.kolla/nova-compute:2024.2" };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), state), ContainerFields.Image);
    }

    [Fact]
    public void Image_ImplicitLatestTag_Matches()
    {
        var spec = ContainerSamples.Spec() with { Image = "registry:5000/kolla/nova-compute" };
        var state = ContainerSamples.State() with { Image = "registry:5000/kolla/nova-compute:latest" };
        var context = ContainerSamples.Context() with { DesiredImage = ContainerSamples.Image() with { RepoTags = ["registry:5000/kolla/nova-compute:latest"] } };

        Compare(spec, state, context).Should().BeEmpty();
    }

    [Fact]
    public void IpcMode_NotRequested_Ignored()
    {
        var state = ContainerSamples.State() with { IpcMode = "host" };

        Compare(ContainerSamples.Spec(), state).Should().BeEmpty();
    }

    [Fact]
    public void IpcMode_Requested_Differs()
    {
        var spec = ContainerSamples.Spec() with { IpcMode = "host" };

        var differences = Compare(spec, ContainerSamples.State());

        ShouldDifferOnlyIn(differences, ContainerFields.IpcMode);
        differences[0].Current.Should().Be("private");
    }

    [Fact]
    public void IpcMode_RequestedButUnsetOnContainer_Differs()
    {
        var spec = ContainerSamples.Spec() with { IpcMode = "shareable" };
        var state = ContainerSamples.State() with { IpcMode = "" };

        var differences = Compare(spec, state);

        ShouldDifferOnlyIn(differences, ContainerFields.IpcMode);
        differences[0].Current.Should().BeNull();
    }
}
