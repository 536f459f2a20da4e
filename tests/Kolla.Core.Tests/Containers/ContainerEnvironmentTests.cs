using Kolla.Containers;

namespace Kolla.Tests.Containers;

public sealed class ContainerEnvironmentTests
{
    [Fact]
    public void Build_AddsServiceNameAndTimeZone_NullBecomesEmpty()
    {
        var spec = new ContainerSpec
        {
            Name = "nova_api_bootstrap",
            Image = "i",
            Environment = [new("KOLLA_CONFIG_STRATEGY", "COPY_ALWAYS"), new("KOLLA_UPGRADE", null)],
        };

        var entries = ContainerEnvironment.ToEngineEntries(spec, "Europe/Berlin");

        entries.Should().Equal(
            "KOLLA_CONFIG_STRATEGY=COPY_ALWAYS", "KOLLA_UPGRADE=", "KOLLA_SERVICE_NAME=nova-api-bootstrap", "TZ=Europe/Berlin");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Build_NoTimeZoneGiven_Utc(string? timeZone)
    {
        var env = ContainerEnvironment.Build(new ContainerSpec { Name = "a", Image = "i" }, timeZone);

        env.Should().ContainSingle(kv => kv.Key == "TZ").Which.Value.Should().Be("UTC");
    }

    [Fact]
    public void Build_SpecSetsTimeZone_Kept()
    {
        var spec = new ContainerSpec { Name = "a", Image = "i", Environment = [new("TZ", "Asia/Tokyo")] };

        var env = ContainerEnvironment.Build(spec, "Europe/Berlin");

        env.Should().Equal(new KeyValuePair<string, string>("TZ", "Asia/Tokyo"), new KeyValuePair<string, string>("KOLLA_SERVICE_NAME", "a"));
    }

    [Fact]
    public void Build_ServiceNameAlwaysFromContainerName()
    {
        var spec = new ContainerSpec { Name = "my_svc", Image = "i", Environment = [new("KOLLA_SERVICE_NAME", "wrong")] };

        var env = ContainerEnvironment.Build(spec);

        env.Should().ContainSingle(kv => kv.Key == "KOLLA_SERVICE_NAME").Which.Value.Should().Be("my-svc");
    }

    [Fact]
    public void Build_RepeatedKey_FirstPositionLastValue()
    {
        var spec = new ContainerSpec { Name = "a", Image = "i", Environment = [new("A", "1"), new("B", "2"), new("A", "3")] };

        var env = ContainerEnvironment.ToEngineEntries(spec);

        env.Should().Equal("A=3", "B=2", "KOLLA_SERVICE_NAME=a", "TZ=UTC");
    }

    [Theory]
    [InlineData("Europe/Berlin\n", "/usr/share/zoneinfo/Asia/Tokyo", "Europe/Berlin")]
    [InlineData(null, "/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo")]
    [InlineData("  \n", "../usr/share/zoneinfo/America/New_York", "America/New_York")]
    [InlineData(null, "/etc/some-other-file", "UTC")]
    [InlineData(null, null, "UTC")]
    public void ResolveTimeZone_KollaOrder(string? etcTimezone, string? link, string expected)
    {
        ContainerEnvironment.ResolveTimeZone(etcTimezone, link).Should().Be(expected);
    }
}
