using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed partial class ContainerComparerTests
{
    [Fact]
    public void Volumes_DefaultModeRwIsLiteral_BindWithoutModeDiffers()
    {
        var state = ContainerSamples.State();
        state = state with { Binds = [.. state.Binds.Select(b => b == "/dev:/dev:rw" ? "/dev:/dev" : b)] };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), state), ContainerFields.Volumes);
    }

    [Fact]
    public void Volumes_TrailingSlashMatters()
    {
        var spec = ContainerSamples.Spec();
        spec = spec with { Volumes = [.. spec.Volumes.Select(v => v == "kolla_logs:/var/log/kolla/" ? "kolla_logs:/var/log/kolla" : v)] };

        ShouldDifferOnlyIn(Compare(spec, ContainerSamples.State()), ContainerFields.Volumes);
    }

    [Fact]
    public void Volumes_DestinationMissingFromConfigVolumes_Differs()
    {
        var state = ContainerSamples.State();
        state = state with { VolumeDestinations = [.. state.VolumeDestinations.Where(d => d != "/dev")] };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), state), ContainerFields.Volumes);
    }

    [Fact]
    public void Volumes_AnonymousVolumeKeptVerbatim()
    {
        var spec = ContainerSamples.Spec();
        spec = spec with { Volumes = [.. spec.Volumes, "/var/lib/anon"] };
        var state = ContainerSamples.State();
        state = state with { VolumeDestinations = [.. state.VolumeDestinations, "/var/lib/anon"] };

        Compare(spec, state).Should().BeEmpty();
    }

    [Fact]
    public void Volumes_DuplicateSourcesCollapse_LastWins()
    {
        var spec = ContainerSamples.Spec();
        spec = spec with { Volumes = [.. spec.Volumes, "/dev:/host-dev:ro"] };
        var state = ContainerSamples.State();
        state = state with
        {
            Binds = [.. state.Binds.Select(b => b == "/dev:/dev:rw" ? "/dev:/host-dev:ro" : b)],
            VolumeDestinations = [.. state.VolumeDestinations, "/host-dev"],
        };

        Compare(spec, state).Should().BeEmpty();
    }

    [Fact]
    public void Volumes_OrderIgnored()
    {
        var spec = ContainerSamples.Spec();
        spec = spec with { Volumes = [.. spec.Volumes.Reverse()] };

        Compare(spec, ContainerSamples.State()).Should().BeEmpty();
    }

    [Fact]
    public void Environment_ExtraContainerVariables_Ignored()
    {
        var state = ContainerSamples.State();
        state = state with { Environment = [.. state.Environment, "REMOVED_FROM_SPEC=1"] };

        Compare(ContainerSamples.Spec(), state).Should().BeEmpty();
    }

    [Fact]
    public void Environment_ValueChanged_Differs()
    {
        var spec = ContainerSamples.Spec() with { Environment = [new("KOLLA_CONFIG_STRATEGY", "COPY_ONCE"), new("KOLLA_UPGRADE", null)] };

        var differences = Compare(spec, ContainerSamples.State());

        differences.Should().Equal(new ContainerDifference(
            ContainerFields.Environment, "[KOLLA_CONFIG_STRATEGY=COPY_ALWAYS]", "[KOLLA_CONFIG_STRATEGY=COPY_ONCE]"));
    }

    [Fact]
    public void Environment_NullValueMustBePresentAsEmpty()
    {
        var state = ContainerSamples.State();
        state = state with { Environment = [.. state.Environment.Where(e => !e.StartsWith("KOLLA_UPGRADE", StringComparison.Ordinal))] };

        var differences = Compare(ContainerSamples.Spec(), state);

        ShouldDifferOnlyIn(differences, ContainerFields.Environment);
        differences[0].Current.Should().Be("[KOLLA_UPGRADE unset]");
    }

    [Fact]
    public void Environment_HostTimeZoneChanged_Differs()
    {
        var context = ContainerSamples.Context() with { TimeZone = "UTC" };

        var differences = Compare(ContainerSamples.Spec(), ContainerSamples.State(), context);

        differences.Should().Equal(new ContainerDifference(ContainerFields.Environment, "[TZ=Europe/Berlin]", "[TZ=UTC]"));
    }

    [Fact]
    public void Environment_ServiceNameInjected()
    {
        var spec = ContainerSamples.Spec() with { Name = "nova_compute_ironic" };
        var state = ContainerSamples.State() with { Name = "nova_compute_ironic" };

        var differences = Compare(spec, state);

        differences.Should().Equal(new ContainerDifference(
            ContainerFields.Environment, "[KOLLA_SERVICE_NAME=nova-compute]", "[KOLLA_SERVICE_NAME=nova-compute-ironic]"));
    }

    [Fact]
    public void ContainerState_Exited_Differs()
    {
        var state = ContainerSamples.State() with { Status = "exited" };

        var differences = Compare(ContainerSamples.Spec(), state);

        differences.Should().Equal(new ContainerDifference(ContainerFields.ContainerState, "exited", "running"));
    }

    [Fact]
    public void ContainerState_DesiredExited_Matches()
    {
        var spec = ContainerSamples.Spec() with { State = "exited" };
        var state = ContainerSamples.State() with { Status = "exited" };

        Compare(spec, state).Should().BeEmpty();
    }
}
