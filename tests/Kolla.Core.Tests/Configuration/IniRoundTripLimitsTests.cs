using Kolla.Configuration;

namespace Kolla.Tests.Configuration;

/// <summary>
/// The two places where merge_configs' own output does not read back as the same document. Kept as tests so a
/// change in either direction is noticed; the round-trip property excludes exactly these.
/// </summary>
public sealed class IniRoundTripLimitsTests
{
    [Fact]
    public void RoundTrip_ValueStillWrappedInQuotes_LosesThemOnRereading()
    {
        var merged = Ini.Merge("[a]\nk = '\"x\"'\n");

        IniDocument.Parse(merged.ToText()).FindEntry("a", "k")!.First.Lines.Should().Equal("x");
        IniPropertyTests.RoundTrips(merged).Should().BeFalse();
    }

    [Fact]
    public void RoundTrip_LateOrphanSection_JoinsThePreviousSection()
    {
        var merged = Ini.Merge("[s]\nk = v\n", "stray = 1\n");

        IniDocument.Parse(merged.ToText()).FindEntry("s", "stray").Should().NotBeNull();
        IniPropertyTests.RoundTrips(merged).Should().BeFalse();
    }
}
