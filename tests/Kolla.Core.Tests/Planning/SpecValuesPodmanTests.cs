using Kolla.Containers;
using Kolla.Planning;

namespace Kolla.Tests.Planning;

public sealed class SpecValuesPodmanTests
{
    private static readonly Dictionary<string, object?> s_dimensions = new(StringComparer.Ordinal)
    {
        ["ulimits"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nofile"] = Limit(1048576),
            ["RLIMIT_NPROC"] = Limit(1048576),
            ["memlock"] = Limit(67108864),
        },
    };

    [Fact]
    public void Dimensions_Podman_LeavesOutTheUlimitsPodmanSetsItself()
    {
        SpecValues.Dimensions(s_dimensions, "here", podman: true).Ulimits.Should().Equal(new Ulimit("memlock", 67108864, 67108864));
    }

    [Fact]
    public void Dimensions_Docker_KeepsEveryUlimit()
    {
        SpecValues.Dimensions(s_dimensions, "here").Ulimits.Select(u => u.Name).Should().Equal("RLIMIT_NPROC", "memlock", "nofile");
    }

    private static Dictionary<string, object?> Limit(long value) =>
        new(StringComparer.Ordinal) { ["soft"] = value, ["hard"] = value };
}
