using Kolla.Containers;
using Kolla.Planning;
using Kolla.Services;

namespace Kolla.Tests.Planning;

public sealed class ContainerPlanSpecHashTests
{
    private static ContainerPlan Plan(ContainerSpec spec) =>
        new("memcached", "memcached", spec, "/etc/kolla/memcached", [], "config-hash", RestartStrategy.Parallel, []);

    [Fact]
    public void SpecHash_ReadTwice_IsTheSpecsHash()
    {
        var spec = new ContainerSpec { Name = "memcached", Image = "kolla/memcached:1" };
        var plan = Plan(spec);

        plan.SpecHash.Should().Be(spec.ComputeHash());
        plan.SpecHash.Should().Be(spec.ComputeHash());
    }

    [Fact]
    public void SpecHash_CopyWithAnotherSpec_IsTheNewSpecsHash()
    {
        var plan = Plan(new ContainerSpec { Name = "memcached", Image = "kolla/memcached:1" });
        _ = plan.SpecHash;
        var changed = plan.Spec with { Image = "kolla/memcached:2" };

        var copy = plan with { Spec = changed };

        copy.SpecHash.Should().Be(changed.ComputeHash()).And.NotBe(plan.SpecHash);
    }
}
