using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed partial class ContainerComparerTests
{
    [Fact]
    public void Dimensions_RequestedDiffers()
    {
        var spec = ContainerSamples.Spec() with { Dimensions = ContainerSamples.Spec().Dimensions with { MemoryLimit = 2L << 30 } };

        var differences = Compare(spec, ContainerSamples.State());

        differences.Should().Equal(new ContainerDifference(ContainerFields.Dimensions, "mem_limit=1073741824", "mem_limit=2147483648"));
    }

    [Fact]
    public void Dimensions_UnrequestedButSetOnContainer_Differs()
    {
        // Docker sets MemorySwap to twice Memory when only mem_limit is given: kolla then reports a difference.
        var state = ContainerSamples.State() with { Dimensions = ContainerSamples.State().Dimensions with { MemorySwapLimit = 2L << 30 } };

        var differences = Compare(ContainerSamples.Spec(), state);

        differences.Should().Equal(new ContainerDifference(ContainerFields.Dimensions, "memswap_limit=2147483648", "memswap_limit=unset"));
    }

    [Theory]
    [InlineData("mem_reservation")]
    [InlineData("cpu_period")]
    [InlineData("cpu_quota")]
    [InlineData("cpu_shares")]
    [InlineData("cpuset_cpus")]
    [InlineData("cpuset_mems")]
    [InlineData("blkio_weight")]
    public void Dimensions_EachUnrequestedFieldMustBeFalsy(string key)
    {
        var observed = ContainerSamples.State().Dimensions;
        observed = key switch
        {
            "mem_reservation" => observed with { MemoryReservation = 5 },
            "cpu_period" => observed with { CpuPeriod = 100000 },
            "cpu_quota" => observed with { CpuQuota = 50000 },
            "cpu_shares" => observed with { CpuShares = 512 },
            "cpuset_cpus" => observed with { CpusetCpus = "0-1" },
            "cpuset_mems" => observed with { CpusetMems = "0" },
            "blkio_weight" => observed with { BlkioWeight = 300 },
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        };

        var differences = Compare(ContainerSamples.Spec(), ContainerSamples.State() with { Dimensions = observed });

        ShouldDifferOnlyIn(differences, ContainerFields.Dimensions);
        differences[0].Current.Should().StartWith(key + "=");
    }

    [Fact]
    public void Dimensions_ZeroAndEmptyCountAsUnset()
    {
        var state = ContainerSamples.State() with
        {
            Dimensions = ContainerSamples.State().Dimensions with { CpuShares = 0, CpusetCpus = "", BlkioWeight = 0 },
        };

        Compare(ContainerSamples.Spec(), state).Should().BeEmpty();
    }

    [Fact]
    public void Dimensions_UlimitsComparedSortedByName()
    {
        var ulimits = new[] { new Ulimit("nproc", 10, 20), new Ulimit("nofile", 1024, 2048) };
        var spec = ContainerSamples.Spec() with { Dimensions = new ContainerDimensions { MemoryLimit = 1L << 30, Ulimits = ulimits } };
        var state = ContainerSamples.State() with { Dimensions = spec.Dimensions with { Ulimits = [.. ulimits.Reverse()] } };

        Compare(spec, state).Should().BeEmpty();
    }

    [Fact]
    public void Dimensions_UlimitSoftDiffers()
    {
        var state = ContainerSamples.State() with
        {
            Dimensions = ContainerSamples.State().Dimensions with { Ulimits = [new Ulimit("nofile", 1000, 2048)] },
        };

        var differences = Compare(ContainerSamples.Spec(), state);

        differences.Should().Equal(new ContainerDifference(ContainerFields.Dimensions, "ulimits=[nofile=1000:2048]", "ulimits=[nofile=1024:2048]"));
    }

    [Fact]
    public void Dimensions_UnrequestedUlimitsPresent_Differs()
    {
        var spec = ContainerSamples.Spec() with { Dimensions = new ContainerDimensions { MemoryLimit = 1L << 30 } };

        ShouldDifferOnlyIn(Compare(spec, ContainerSamples.State()), ContainerFields.Dimensions);
    }

    [Fact]
    public void Command_NotRequested_Ignored()
    {
        Compare(ContainerSamples.Spec() with { Command = null }, ContainerSamples.State()).Should().BeEmpty();
    }

    [Fact]
    public void Command_ShellSplitComparedWithPathAndArgs()
    {
        var spec = ContainerSamples.Spec() with { Command = "dumb-init --single-child -- 'kolla_start'" };

        Compare(spec, ContainerSamples.State()).Should().BeEmpty();
    }

    [Fact]
    public void Command_Differs()
    {
        var spec = ContainerSamples.Spec() with { Command = "kolla_start" };

        var differences = Compare(spec, ContainerSamples.State());

        differences.Should().Equal(new ContainerDifference(ContainerFields.Command, "[dumb-init, --single-child, --, kolla_start]", "[kolla_start]"));
    }

    [Fact]
    public void Healthcheck_IntervalDiffers()
    {
        var spec = ContainerSamples.Spec() with { Healthcheck = ContainerSamples.Spec().Healthcheck! with { IntervalSeconds = 10 } };

        ShouldDifferOnlyIn(Compare(spec, ContainerSamples.State()), ContainerFields.Healthcheck);
    }

    [Fact]
    public void Healthcheck_TestDiffers()
    {
        var spec = ContainerSamples.Spec() with { Healthcheck = ContainerSamples.Spec().Healthcheck! with { Test = ["CMD", "true"] } };

        ShouldDifferOnlyIn(Compare(spec, ContainerSamples.State()), ContainerFields.Healthcheck);
    }

    [Fact]
    public void Healthcheck_NoneDesiredButPresent_Differs()
    {
        var spec = ContainerSamples.Spec() with { Healthcheck = new ContainerHealthcheck(["NONE"]) };

        var differences = Compare(spec, ContainerSamples.State());

        ShouldDifferOnlyIn(differences, ContainerFields.Healthcheck);
        differences[0].Desired.Should().BeNull();
    }

    [Fact]
    public void Healthcheck_DesiredButAbsent_Differs()
    {
        var state = ContainerSamples.State() with { Healthcheck = null };

        ShouldDifferOnlyIn(Compare(ContainerSamples.Spec(), state), ContainerFields.Healthcheck);
    }

    [Fact]
    public void Healthcheck_NoneOnBothSides_Matches()
    {
        var spec = ContainerSamples.Spec() with { Healthcheck = new ContainerHealthcheck(["NONE"]) };

        Compare(spec, ContainerSamples.State() with { Healthcheck = null }).Should().BeEmpty();
    }
}
